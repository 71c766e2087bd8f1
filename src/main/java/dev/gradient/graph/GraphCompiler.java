package dev.gradient.graph;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Types a {@link Graph} for the shapes of its inputs: infers every node's shape, expands
 * composite ops and checks the limits, giving the {@link ShapedGraph} that engines run.
 * Errors name the node and point where it came from in the request.
 */
public final class GraphCompiler {

    private GraphCompiler() {
    }

    /** The shaped graph of {@code graph} for inputs of shapes {@code inputShapes}, in input order. */
    public static ShapedGraph compile(Graph graph, Shape[] inputShapes, BuildLimits limits) {
        GraphBuilder b = new GraphBuilder(limits);
        List<Node> nodes = graph.nodes();
        int[] position = new int[nodes.size()];
        int[] inputIndex = new int[nodes.size()];
        for (int k = 0; k < graph.inputs().size(); k++) {
            inputIndex[graph.inputs().get(k)] = k;
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            try {
                if (node instanceof Node.Input input) {
                    position[i] = b.input(input.id(), inputShapes[inputIndex[i]]);
                } else if (node instanceof Node.Const c) {
                    position[i] = b.constant(c.value());
                } else {
                    Node.Apply apply = (Node.Apply) node;
                    position[i] = b.apply(apply.op(), apply.attrs(), apply.args().stream().mapToInt(a -> position[a]).toArray());
                }
            } catch (GradientException e) {
                if (e.code() == ErrorCode.LIMIT_EXCEEDED) {
                    throw e; // a limit names its property, not a node
                }
                throw e.locatedAt(graph.origins().get(i), "node '" + node.id() + "': " + e.getMessage());
            }
        }
        List<Integer> outputs = new ArrayList<>();
        for (int output : graph.outputs()) {
            outputs.add(position[output]);
        }
        return b.build(outputs, graph.outputNames());
    }
}
