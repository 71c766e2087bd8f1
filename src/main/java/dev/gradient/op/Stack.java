package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * Arguments of one shape stacked along a new axis ({@code attrs.axis}, default 0, up to the
 * arguments' rank): each is reshaped to have that axis at extent 1, then they are concatenated.
 */
final class Stack implements Composite {

    @Override public String name() { return "stack"; }
    @Override public Arity arity() { return Arity.atLeast(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("where the new axis goes in the result; default 0")); }
    @Override public String syntax() { return "stack(a, b, ..., axis=0)"; }
    @Override public String summary() { return "Arguments of one shape stacked along a new axis."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        Shape shape = b.shape(args[0]);
        int axis = Axis.normalize(name(), attrs.integer("axis", 0), shape.rank() + 1);
        int[] parts = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!b.shape(args[i]).equals(shape)) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "stack: argument " + i + " has shape " + b.shape(args[i])
                        + ", expected the shape of the first argument, " + shape);
            }
            parts[i] = b.reshape(args[i], shape.inserting(axis, 1));
        }
        return b.call("concat", Attrs.of("axis", axis), parts);
    }
}
