package dev.gradient.trace;

import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * A value as a trace shows it: whole where it has at most {@code limit} elements, else its
 * first {@code limit} elements in row-major order, as a vector, marked abbreviated.
 *
 * @param value the value, or its first elements
 * @param abbreviated {@code true} where {@code value} holds only the first elements; {@code null} otherwise, so that it is left out
 */
record Shown(Tensor value, Boolean abbreviated) {

    static Shown of(Tensor value, int limit) {
        if (value.size() <= limit) {
            return new Shown(value, null);
        }
        double[] first = new double[limit];
        System.arraycopy(value.values(), 0, first, 0, limit);
        return new Shown(Tensor.of(Shape.of(limit), first), Boolean.TRUE);
    }
}
