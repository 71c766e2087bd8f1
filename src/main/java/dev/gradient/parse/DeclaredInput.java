package dev.gradient.parse;

import dev.gradient.error.Origin;
import dev.gradient.tensor.Shape;

/**
 * An input as a graph's {@code inputs} declares it.
 *
 * @param name its name
 * @param shape its declared shape, or {@code null} where it takes the value's
 * @param origin where it was declared
 */
record DeclaredInput(String name, Shape shape, Origin origin) {
}
