package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The tree walk that read nested-array values before the streaming reader, kept as the
 * reference the reader must agree with: the same tensors, and the same first fault (code,
 * pointer, message) for every malformed value. Nested arrays and numbers only; binary arrays
 * have their own tests.
 */
final class TreeWalkReference {

    private TreeWalkReference() {
    }

    static Tensor read(JsonNode value, String pointer, ArrayLimits limits) {
        if (!value.isArray()) {
            return Tensor.scalar(number(value, pointer));
        }
        List<Integer> dims = new ArrayList<>();
        JsonNode probe = value;
        while (probe.isArray()) {
            dims.add(probe.size());
            if (probe.isEmpty()) {
                break;
            }
            probe = probe.get(0);
        }
        Shape shape = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
        if (shape.size() > limits.maxElements()) {
            throw GradientException.limitExceeded("gradient.limits.max-elements", "the value at " + pointer + " has "
                    + shape.size() + " elements; the limit is " + limits.maxElements());
        }
        double[] values = new double[16];
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(value, pointer, 0));
        int next = 0;
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            JsonNode node = frame.node;
            if (frame.depth < dims.size()) {
                if (!node.isArray() || node.size() != dims.get(frame.depth)) {
                    throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of " + dims.get(frame.depth)
                            + " elements (arrays must be rectangular) at " + frame.pointer, frame.pointer);
                }
                for (int i = node.size() - 1; i >= 0; i--) {
                    stack.push(new Frame(node.get(i), Pointer.child(frame.pointer, i), frame.depth + 1));
                }
            } else {
                if (next == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[next++] = number(node, frame.pointer);
            }
        }
        return Tensor.of(shape, Arrays.copyOf(values, next));
    }

    /** The tree's own number reading, which the service still uses for single numbers (tolerances). */
    private static double number(JsonNode node, String pointer) {
        return Values.number(node, pointer);
    }

    private record Frame(JsonNode node, String pointer, int depth) {
    }
}
