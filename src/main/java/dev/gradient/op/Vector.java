package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;

/**
 * {@code vector(a, b, ...)}: scalars stacked into a vector of shape {@code [k]}; what an
 * array of expressions compiles to. Every argument must be a scalar ({@code NOT_SCALAR}).
 */
final class Vector implements Composite {

    @Override public String name() { return "vector"; }
    @Override public Arity arity() { return Arity.atLeast(1); }
    @Override public String syntax() { return "vector(a, b, ...)"; }
    @Override public String summary() { return "Scalars stacked into a vector; an array of expressions is this."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        int[] rows = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!b.shape(args[i]).isScalar()) {
                throw new GradientException(ErrorCode.NOT_SCALAR, "element " + i + " must be scalar-valued, but has shape " + b.shape(args[i]));
            }
            rows[i] = b.reshape(args[i], Shape.of(1));
        }
        return args.length == 1 ? rows[0] : b.call("concat", Attrs.of("axis", 0), rows);
    }
}
