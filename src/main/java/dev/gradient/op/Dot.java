package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;

/** The inner product of two 1-D vectors of equal length, {@code sum(x * y)}. */
final class Dot implements Composite {

    @Override public String name() { return "dot"; }
    @Override public Arity arity() { return Arity.exactly(2); }
    @Override public String syntax() { return "dot(x, y)"; }
    @Override public String summary() { return "Inner product of two vectors of equal length."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        Shape x = b.shape(args[0]);
        Shape y = b.shape(args[1]);
        if (x.rank() != 1 || !x.equals(y)) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "dot: expected two 1-D vectors of equal length, got shapes " + x + " and " + y);
        }
        return b.call("sum", b.call("mul", args[0], args[1]));
    }
}
