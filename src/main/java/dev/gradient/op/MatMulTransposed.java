package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * {@code a @ transpose(b)} without the transpose: {@code [m,n] x [p,n] -> [m,p]} and {@code [n]
 * x [p,n] -> [p]}, the product reading {@code b} as stored ({@link MatrixProducts} takes the
 * transpose as a flag). Internal: the graph compiler writes it for a client's {@code matmul}
 * whose second argument is a {@code transpose} (a dense layer's {@code x @ transpose(W)}), so
 * that neither the forward pass nor the reverse sweep copies the matrix out transposed. The
 * same IEEE products as {@code matmul} of the transpose; its derivatives are zero-exact
 * chain-rule products, as {@code matmul}'s are: {@code da = c @ b}, {@code db = transpose(c) @ a}
 * (for a vector {@code a}, the outer product of {@code c} and {@code a}).
 */
final class MatMulTransposed implements Primitive {

    @Override public String name() { return "matmul_transposed"; }
    @Override public boolean isPublic() { return false; }
    @Override public Arity arity() { return Arity.exactly(2); }
    @Override public String syntax() { return "matmul_transposed(a, b)"; }
    @Override public String summary() { return "a @ transpose(b), with b read as stored."; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        Shape a = args[0];
        Shape b = args[1];
        if (a.rank() < 1 || a.rank() > 2 || b.rank() != 2 || a.dim(a.rank() - 1) != b.dim(1)) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH,
                    "matmul_transposed: expected [m,n] or [n] and [p,n], got shapes " + a + " and " + b);
        }
        return a.rank() == 2 ? Shape.of(a.dim(0), b.dim(0)) : Shape.of(b.dim(0));
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return apply(args, attrs, Arena.none());
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        return product(args[0], args[1], false, arena);
    }

    /** {@code a @ transpose(b)}, zero-exact or IEEE, into an array from {@code arena}. */
    private Tensor product(Tensor a, Tensor b, boolean zeroExact, Arena arena) {
        Shape out = shape(new Shape[] {a.shape(), b.shape()}, Attrs.NONE);
        int m = a.shape().rank() == 2 ? a.shape().dim(0) : 1;
        int n = b.shape().dim(1);
        int p = b.shape().dim(0);
        return Tensor.of(out, MatrixProducts.multiply(a, m, n, b, p, false, true, zeroExact, arena));
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return Bilinear.linearize((x, y) -> product(x, y, true, Arena.none()), args, out.shape());
    }

    @Override
    public int[] vjp(GraphBuilder g, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        int a = args[0];
        int b = args[1];
        boolean aVector = g.shape(a).rank() == 1;
        int da = needed[0] ? g.call("matmul_no_nan", cotangent, b) : -1;
        int db = -1;
        if (needed[1]) {
            db = aVector
                    ? MatMul.outer(g, cotangent, a)
                    : g.call("matmul_no_nan", g.call("transpose", cotangent), a);
        }
        return new int[] {da, db};
    }

    /** The graph rule's products as numbers: {@code c @ b} and {@code transpose(c) @ a}, with the transposes left to the product. */
    @Override
    public Pullback pullback() {
        return (args, out, attrs, needed, arena) -> {
            Tensor a = args[0];
            Tensor b = args[1];
            int m = a.shape().rank() == 2 ? a.shape().dim(0) : 1;
            int n = b.shape().dim(1);
            int p = b.shape().dim(0);
            return c -> new Tensor[] {
                needed[0] ? Tensor.of(a.shape(), MatrixProducts.multiply(c, m, p, b, n, false, false, true, arena))
                        : null,
                needed[1] ? Tensor.of(b.shape(), MatrixProducts.multiply(c, p, m, a, n, true, false, true, arena))
                        : null
            };
        };
    }

    @Override
    public long cost(Shape[] args, Shape out) {
        long m = args[0].rank() == 2 ? args[0].dim(0) : 1;
        long n = args[0].dim(args[0].rank() - 1);
        long p = args[1].dim(0);
        return Bilinear.cost(m, n, p, out.size());
    }
}
