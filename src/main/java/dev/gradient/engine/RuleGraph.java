package dev.gradient.engine;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small graph of its own for one node's reverse-mode rule (its VJP or its live masks), with
 * inputs for the node's arguments and output (an argument that is a constant stays a constant,
 * so that rules that look for constants see it; an argument given twice is one input), and
 * more inputs a rule adds after them. {@link #slots} says which of the original graph's values
 * feed the inputs, in order.
 */
final class RuleGraph {

    final GraphBuilder builder;
    final int[] argNodes;
    final int out;
    private final List<Integer> slots = new ArrayList<>();

    /** The rule graph of node {@code node} of {@code graph}, an application with arguments {@code args}. */
    RuleGraph(ShapedGraph graph, int node, int[] args, BuildLimits limits) {
        builder = new GraphBuilder(limits);
        argNodes = new int[args.length];
        Map<Integer, Integer> local = new HashMap<>();
        for (int j = 0; j < args.length; j++) {
            Integer known = local.get(args[j]);
            if (known == null) {
                if (graph.nodes().get(args[j]) instanceof Node.Const c) {
                    known = builder.constant(c.value());
                } else {
                    known = builder.input("argument " + j, graph.shape(args[j]));
                    slots.add(args[j]);
                }
                local.put(args[j], known);
            }
            argNodes[j] = known;
        }
        out = builder.input("output", graph.shape(node));
        slots.add(node);
    }

    /** The slots of the original graph's values that feed the inputs so far, in input order. */
    int[] slots() {
        return slots.stream().mapToInt(Integer::intValue).toArray();
    }
}
