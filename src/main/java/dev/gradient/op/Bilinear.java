package dev.gradient.op;

import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.function.BinaryOperator;

/** What the bilinear matrix products share: their JVP rule and their cost. */
final class Bilinear {

    private Bilinear() {
    }

    /**
     * The JVP of a bilinear {@code product(a, b)} at {@code args}: {@code product(ta, b) +
     * product(a, tb)}, either term left out where its tangent is absent; {@code product} is the
     * op's zero-exact form, as chain-rule products are.
     */
    static Jvp linearize(BinaryOperator<Tensor> product, Tensor[] args, Shape out) {
        return tangents -> {
            Tensor fromA = tangents[0] == null ? null : product.apply(tangents[0], args[1]);
            Tensor fromB = tangents[1] == null ? null : product.apply(args[0], tangents[1]);
            if (fromA == null || fromB == null) {
                return fromA != null ? fromA : fromB;
            }
            double[] sum = fromA.values().clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += fromB.get(i);
            }
            return Tensor.of(out, sum);
        };
    }

    /** The element operations of an {@code [m,n] x [n,p]} product with {@code outSize} elements out, saturating. */
    static long cost(long m, long n, long p, long outSize) {
        long mn = m * n;
        return p != 0 && mn > Long.MAX_VALUE / p ? Long.MAX_VALUE : mn * p + outSize;
    }
}
