package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/** Helpers that the elementwise ops share. */
final class Elementwise {

    private Elementwise() {
    }

    /**
     * A chain-rule product: a tangent (or cotangent) element times a local partial, exactly 0
     * where either factor is 0, even if the other is infinite or NaN. A JVP is linear in the
     * tangent, and a zero partial means the path carries nothing; the plain IEEE product would
     * turn those structural zeros into NaN wherever an element sits at a singular point (sqrt
     * at 0), and forward and reverse mode would then disagree, since they meet the zeros in
     * different places. The reverse pass uses the same rule through {@code mul_no_nan}.
     */
    static double scale(double t, double d) {
        return t == 0.0 || d == 0.0 ? 0.0 : t * d;
    }

    /** {@code t} times {@code d}, element by element, with {@link #scale}'s exact zeros. */
    static Tensor multiply(Tensor t, double[] d, Arena arena) {
        double[] tv = t.values();
        double[] out = arena.take(d.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = scale(tv[i], d[i]);
        }
        return Tensor.of(t.shape(), out);
    }

    /** {@code t} times the constant {@code d}, element by element, with {@link #scale}'s exact zeros. */
    static Tensor multiply(Tensor t, double d, Arena arena) {
        double[] tv = t.values();
        double[] out = arena.take(tv.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = scale(tv[i], d);
        }
        return Tensor.of(t.shape(), out);
    }

    /** The broadcast shape of all {@code args}, or an {@link GradientException} naming the op. */
    static Shape broadcastShape(String op, Shape... args) {
        Shape shape = args[0];
        for (int i = 1; i < args.length; i++) {
            Shape next = Shape.broadcast(shape, args[i]);
            if (next == null) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, op + ": shapes " + shape + " and " + args[i]
                        + " do not broadcast (axes are matched from the right and must be equal or 1)");
            }
            shape = next;
        }
        return shape;
    }

    /**
     * The live mask of an argument of an elementwise op: the output's mask, summed back over
     * broadcast axes where the argument was broadcast.
     */
    static int liveMask(GraphBuilder g, int arg, int outMask) {
        if (outMask < 0) {
            return -1;
        }
        Shape argShape = g.shape(arg);
        if (g.shape(outMask).equals(argShape)) {
            return outMask;
        }
        return g.call("gt", g.sumTo(outMask, argShape), g.constant(0.0));
    }
}
