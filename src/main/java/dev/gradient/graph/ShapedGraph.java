package dev.gradient.graph;

import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * A graph that engines run: only primitive ops, every node's shape known, topological order.
 * Built by {@link GraphBuilder}, usually through {@link GraphCompiler}; immutable.
 *
 * @param nodes the nodes, in topological order; every {@link Node.Apply} applies a primitive
 * @param shapes each node's shape
 * @param inputs positions of the input nodes, in input order
 * @param outputs positions of the output nodes, in output order
 * @param outputNames the name each output is reported under
 * @param cost the estimated work of one evaluation, in element operations
 */
public record ShapedGraph(
        List<Node> nodes, List<Shape> shapes, List<Integer> inputs, List<Integer> outputs,
        List<String> outputNames, long cost) {

    public ShapedGraph {
        nodes = List.copyOf(nodes);
        shapes = List.copyOf(shapes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        outputNames = List.copyOf(outputNames);
        if (shapes.size() != nodes.size() || outputNames.size() != outputs.size()) {
            throw new IllegalArgumentException("one shape per node and one name per output expected");
        }
    }

    /** How many nodes. */
    public int size() {
        return nodes.size();
    }

    /** The shape of node {@code i}. */
    public Shape shape(int i) {
        return shapes.get(i);
    }

    /** The names of the inputs, in order. */
    public List<String> inputNames() {
        return inputs.stream().map(i -> nodes.get(i).id()).toList();
    }
}
