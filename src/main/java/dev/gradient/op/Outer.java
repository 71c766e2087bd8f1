package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;

/** The outer product of 1-D vectors {@code x} ({@code [n]}) and {@code y} ({@code [m]}): the {@code [n, m]} matrix of {@code x_i y_j}. */
final class Outer implements Composite {

    @Override public String name() { return "outer"; }
    @Override public Arity arity() { return Arity.exactly(2); }
    @Override public String syntax() { return "outer(x, y)"; }
    @Override public String summary() { return "Outer product of two vectors: the matrix of x_i * y_j."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        Shape x = b.shape(args[0]);
        Shape y = b.shape(args[1]);
        if (x.rank() != 1 || y.rank() != 1) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "outer: expected two 1-D vectors, got shapes " + x + " and " + y);
        }
        return b.call("mul", b.reshape(args[0], Shape.of(x.dim(0), 1)), b.reshape(args[1], Shape.of(1, y.dim(0))));
    }
}
