package dev.gradient.graph;

import dev.gradient.op.Op;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * One node of a graph: an input, a constant, or an op applied to earlier nodes. Nodes refer
 * to their arguments by position in the graph's node list, which is in topological order.
 */
public sealed interface Node permits Node.Input, Node.Const, Node.Apply {

    /** The node's id: an input's name, or the id a client gave (or one generated for it). */
    String id();

    /** An input of the function; {@code declaredShape} is {@code null} where it takes the value's shape. */
    record Input(String id, Shape declaredShape) implements Node {
        public Input {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A constant value. */
    record Const(String id, Tensor value) implements Node {
        public Const {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An op applied to the nodes at positions {@code args}. */
    record Apply(String id, Op op, List<Integer> args, Attrs attrs) implements Node {
        public Apply {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(op, "op");
            args = List.copyOf(args);
            Objects.requireNonNull(attrs, "attrs");
        }
    }
}
