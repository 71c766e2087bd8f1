package dev.gradient.engine;

import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.op.Vjp;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tape step for a node whose op has no numeric VJP rule: the op's graph rule ({@link
 * Primitive#vjp}), written once into a small graph of its own whose inputs are the node's
 * arguments, its output and its cotangent, and run per direction. The same nodes as the adjoint
 * graph writes for that node, so the same numbers.
 *
 * @param args the node's argument slots
 * @param needed which arguments depend on a differentiated input
 * @param inputSlots the slots whose values the rule takes, in its input order (the cotangent last)
 * @param contributionOutput for each argument, the rule's output that is its contribution, or -1
 * @param rule the rule, flattened for running
 * @param cost the rule's element operations per direction
 */
record GraphRuleStep(int[] args, boolean[] needed, int[] inputSlots, int[] contributionOutput, Plan rule, long cost)
        implements Tape.Step {

    /**
     * The step of node {@code node} of {@code graph}, or {@code null} where its op marks some
     * elements of an argument dead (the sweep cannot honour live masks).
     */
    static GraphRuleStep of(ShapedGraph graph, int node, Node.Apply apply, int[] args, boolean[] needed, Compiled f) {
        Primitive op = (Primitive) apply.op();
        GraphBuilder b = new GraphBuilder(f.limits());
        List<Integer> inputSlots = new ArrayList<>();
        Map<Integer, Integer> local = new HashMap<>();
        int[] argNodes = new int[args.length];
        for (int j = 0; j < args.length; j++) {
            Integer known = local.get(args[j]);
            if (known == null) {
                // a constant stays one, so that rules that look for constants see it
                if (graph.nodes().get(args[j]) instanceof Node.Const c) {
                    known = b.constant(c.value());
                } else {
                    known = b.input("argument " + j, graph.shape(args[j]));
                    inputSlots.add(args[j]);
                }
                local.put(args[j], known);
            }
            argNodes[j] = known;
        }
        int out = b.input("output", graph.shape(node));
        inputSlots.add(node);
        int cotangent = b.input("cotangent", graph.shape(node));
        inputSlots.add(-1);
        for (int j = 0; j < args.length; j++) {
            if (needed[j] && op.liveMask(b, j, argNodes, out, -1, apply.attrs()) >= 0) {
                return null;
            }
        }
        int[] contributions = op.vjp(b, argNodes, out, cotangent, apply.attrs(), needed);
        List<Integer> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] contributionOutput = new int[args.length];
        for (int j = 0; j < args.length; j++) {
            contributionOutput[j] = -1;
            if (needed[j] && contributions[j] >= 0) {
                contributionOutput[j] = outputs.size();
                outputs.add(contributions[j]);
                names.add("contribution " + j);
            }
        }
        ShapedGraph ruleGraph = b.build(outputs, names);
        return new GraphRuleStep(args, needed, inputSlots.stream().mapToInt(Integer::intValue).toArray(),
                contributionOutput, new Plan(ruleGraph), ruleGraph.cost());
    }

    @Override
    public Vjp at(Tensor[] values) {
        Tensor[] inputs = new Tensor[inputSlots.length];
        for (int k = 0; k < inputs.length - 1; k++) {
            inputs[k] = values[inputSlots[k]];
        }
        return cotangent -> {
            Tensor[] withCotangent = inputs.clone();
            withCotangent[withCotangent.length - 1] = cotangent;
            Tensor[] ruleValues = rule.run(withCotangent, new Tensor[0]);
            Tensor[] result = new Tensor[args.length];
            for (int j = 0; j < result.length; j++) {
                if (contributionOutput[j] >= 0) {
                    result[j] = ruleValues[rule.outputSlot(contributionOutput[j])];
                }
            }
            return result;
        };
    }
}
