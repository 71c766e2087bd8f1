package dev.gradient.engine;

import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Tensor;
import java.util.List;

/** Runs a shaped graph's forward kernels: the primal values of every node, in one loop. */
public final class Evaluator {

    private Evaluator() {
    }

    /** The value of every node, for {@code inputs} given in the graph's input order. */
    public static Tensor[] evaluate(ShapedGraph graph, Tensor[] inputs) {
        return evaluate(graph, inputs, new Tensor[0]);
    }

    /**
     * The value of every node, reusing {@code known}: the values of the first
     * {@code known.length} nodes, computed before by a graph that this one extends.
     */
    public static Tensor[] evaluate(ShapedGraph graph, Tensor[] inputs, Tensor[] known) {
        List<Node> nodes = graph.nodes();
        Tensor[] values = new Tensor[nodes.size()];
        System.arraycopy(known, 0, values, 0, known.length);
        List<Integer> inputPositions = graph.inputs();
        for (int i = 0; i < inputPositions.size(); i++) {
            int position = inputPositions.get(i);
            if (position >= known.length) {
                values[position] = inputs[i];
            }
        }
        for (int i = known.length; i < values.length; i++) {
            Node node = nodes.get(i);
            if (node instanceof Node.Const c) {
                values[i] = c.value();
            } else if (node instanceof Node.Apply apply) {
                values[i] = ((Primitive) apply.op()).apply(argValues(apply, values), apply.attrs());
            }
        }
        return values;
    }

    static Tensor[] argValues(Node.Apply apply, Tensor[] values) {
        List<Integer> args = apply.args();
        Tensor[] out = new Tensor[args.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[args.get(j)];
        }
        return out;
    }
}
