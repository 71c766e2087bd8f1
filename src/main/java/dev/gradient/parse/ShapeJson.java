package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import dev.gradient.tensor.Shape;
import tools.jackson.databind.JsonNode;

/** A shape written in JSON as an array of sizes, like {@code [2, 3]}: a graph input's, or one given for an input in a request. */
public final class ShapeJson {

    private ShapeJson() {
    }

    /** The shape written at {@code pointer}; a 400 naming the offending size where it is not one. */
    public static Shape read(JsonNode shape, String pointer) {
        if (!shape.isArray()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a shape (an array of sizes like [2, 3]) but was "
                    + Values.describe(shape) + " at " + pointer, pointer);
        }
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
                String at = Pointer.child(pointer, i);
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a size (an integer, 0 or more) at " + at, at);
            }
            dims[i] = d.intValue();
        }
        return Shape.of(dims);
    }
}
