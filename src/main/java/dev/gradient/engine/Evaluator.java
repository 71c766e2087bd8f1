package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;

/** Runs a shaped graph's forward kernels once: the primal values of every node (see {@link Plan}). */
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
        return new Plan(graph).run(inputs, known);
    }
}
