package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;

/** Reading and checking the {@code axis} attribute: negative values count from the end, as in NumPy. */
final class Axis {

    private Axis() {
    }

    /** The axis named by {@code attrs} for an argument of rank {@code rank}, or -1 when absent. */
    static int of(String op, Attrs attrs, int rank) {
        Integer axis = attrs.integer("axis", null);
        return axis == null ? -1 : normalize(op, axis, rank);
    }

    /** {@code axis} counted from the start; an {@link GradientException} where it is out of range. */
    static int normalize(String op, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new GradientException(ErrorCode.BAD_ATTRS, op + ": axis " + axis + " is out of range for rank " + rank
                    + " (expected " + -rank + " to " + (rank - 1) + ")");
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** The product of the extents before {@code axis}. */
    static int outer(Shape shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape.dim(i);
        }
        return n;
    }

    /** The product of the extents after {@code axis}. */
    static int inner(Shape shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.rank(); i++) {
            n *= shape.dim(i);
        }
        return n;
    }

    /** {@code shape} with axis {@code axis} kept at extent 1 (NumPy's keepdims); all axes 1 when {@code axis} is -1. */
    static Shape keepDims(Shape shape, int axis) {
        if (axis < 0) {
            int[] ones = new int[shape.rank()];
            java.util.Arrays.fill(ones, 1);
            return Shape.of(ones);
        }
        return shape.with(axis, 1);
    }
}
