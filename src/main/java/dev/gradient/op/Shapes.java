package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/** Reading the {@code shape} attribute. */
final class Shapes {

    private Shapes() {
    }

    /** The shape in {@code attrs.shape}; every extent must be zero or more. */
    static Shape attr(String op, Attrs attrs) {
        List<Integer> dims = attrs.integers("shape");
        if (dims == null) {
            throw new GradientException(ErrorCode.BAD_ATTRS, op + ": the attribute 'shape' is required");
        }
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) {
            if (dims.get(i) < 0) {
                throw new GradientException(ErrorCode.BAD_ATTRS, op + ": shape " + dims + " has a negative extent");
            }
            out[i] = dims.get(i);
        }
        return Shape.of(out);
    }

    /** The extents of {@code shape}, as the {@code shape} attribute holds them. */
    static List<Integer> dims(Shape shape) {
        List<Integer> dims = new ArrayList<>(shape.rank());
        for (int d : shape.dims()) {
            dims.add(d);
        }
        return dims;
    }
}
