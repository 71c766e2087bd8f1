package dev.gradient.graph;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.op.OpRegistry;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Types a {@link Graph} for the shapes of its inputs: infers every node's shape, expands
 * composite ops and checks the limits, giving the {@link ShapedGraph} that engines run.
 * Errors name the node and point where it came from in the request.
 *
 * <p>One rewrite: a {@code matmul} whose second argument is a {@code transpose} becomes the
 * internal {@code matmul_transposed} of the transpose's own argument (the same products, with
 * the transpose left to the BLAS), and a transpose that nothing else reads is then dropped.
 * Shapes are checked as written first, so errors name the ops the client wrote.
 */
public final class GraphCompiler {

    private static final Primitive MATMUL_TRANSPOSED = (Primitive) OpRegistry.standard().require("matmul_transposed");

    private GraphCompiler() {
    }

    /** The shaped graph of {@code graph} for inputs of shapes {@code inputShapes}, in input order. */
    public static ShapedGraph compile(Graph graph, Shape[] inputShapes, BuildLimits limits) {
        GraphBuilder b = new GraphBuilder(limits);
        boolean rewritten = false;
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
                    int[] args = apply.args().stream().mapToInt(a -> position[a]).toArray();
                    int transposed = transposedMatrix(b, apply, args);
                    if (transposed >= 0) {
                        rewritten = true;
                        position[i] = b.apply(MATMUL_TRANSPOSED, Attrs.NONE, args[0], transposed);
                    } else {
                        position[i] = b.apply(apply.op(), apply.attrs(), args);
                    }
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
        ShapedGraph shaped = b.build(outputs, graph.outputNames());
        return rewritten ? withoutDeadNodes(shaped, limits) : shaped;
    }

    /**
     * For a {@code matmul} node whose second argument, at {@code args[1]}, is a {@code transpose}:
     * the transpose's argument, once the product's shapes are checked as written; else -1.
     */
    private static int transposedMatrix(GraphBuilder b, Node.Apply apply, int[] args) {
        if (!apply.op().name().equals("matmul") || !(b.node(args[1]) instanceof Node.Apply t)
                || !t.op().name().equals("transpose")) {
            return -1;
        }
        ((Primitive) apply.op()).shape(new Shape[] {b.shape(args[0]), b.shape(args[1])}, apply.attrs());
        return t.args().get(0);
    }

    /** {@code graph} without the nodes that no output depends on (its inputs all stay, in order). */
    private static ShapedGraph withoutDeadNodes(ShapedGraph graph, BuildLimits limits) {
        int n = graph.size();
        boolean[] live = new boolean[n];
        for (int output : graph.outputs()) {
            live[output] = true;
        }
        for (int input : graph.inputs()) {
            live[input] = true;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (live[i] && graph.nodes().get(i) instanceof Node.Apply apply) {
                for (int arg : apply.args()) {
                    live[arg] = true;
                }
            }
        }
        GraphBuilder b = new GraphBuilder(limits);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            if (!live[i]) {
                continue;
            }
            Node node = graph.nodes().get(i);
            if (node instanceof Node.Input input) {
                position[i] = b.input(input.id(), graph.shape(i));
            } else if (node instanceof Node.Const c) {
                position[i] = b.constant(c.value());
            } else {
                Node.Apply apply = (Node.Apply) node;
                position[i] = b.apply(apply.op(), apply.attrs(), apply.args().stream().mapToInt(a -> position[a]).toArray());
            }
        }
        List<Integer> outputs = new ArrayList<>();
        for (int output : graph.outputs()) {
            outputs.add(position[output]);
        }
        return b.build(outputs, graph.outputNames());
    }
}
