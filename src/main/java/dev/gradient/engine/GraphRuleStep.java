package dev.gradient.engine;

import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.op.Vjp;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

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
     * The step of node {@code node} of {@code f}'s graph, and whether its op marks some elements
     * of an argument dead ({@link Primitive#liveMask} gives a mask even where every element of
     * the output is live), so that the tape must keep live masks.
     */
    static Built of(Compiled f, int node, Node.Apply apply, int[] args, boolean[] needed) {
        ShapedGraph graph = f.graph();
        Primitive op = (Primitive) apply.op();
        RuleGraph rule = new RuleGraph(graph, node, args, f.limits());
        GraphBuilder b = rule.builder;
        int[] slots = rule.slots();
        int cotangent = b.input("cotangent", graph.shape(node));
        boolean marksDead = false;
        for (int j = 0; j < args.length; j++) {
            // a mask node added here is never an output: the plan below does not need it
            marksDead |= needed[j] && LiveMasks.marksDead(op, b, j, rule.argNodes, rule.out, apply);
        }
        int[] contributions = op.vjp(b, rule.argNodes, rule.out, cotangent, apply.attrs(), needed);
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
        int[] inputSlots = new int[slots.length + 1];
        System.arraycopy(slots, 0, inputSlots, 0, slots.length);
        inputSlots[slots.length] = -1;
        ShapedGraph ruleGraph = b.build(outputs, names);
        return new Built(new GraphRuleStep(args, needed, inputSlots, contributionOutput, new Plan(ruleGraph), ruleGraph.cost()),
                marksDead);
    }

    /** A step, and whether its op marks elements dead. */
    record Built(GraphRuleStep step, boolean marksDead) {
    }

    @Override
    public boolean contributes(int j) {
        return contributionOutput[j] >= 0;
    }

    @Override
    public Vjp at(Tensor[] values, Arena arena) {
        Tensor[] inputs = new Tensor[inputSlots.length];
        for (int k = 0; k < inputs.length - 1; k++) {
            inputs[k] = values[inputSlots[k]];
        }
        return cotangent -> {
            Tensor[] withCotangent = inputs.clone();
            withCotangent[withCotangent.length - 1] = cotangent;
            // only the contributions are read: the rule's other values go back to the arena as it runs
            Tensor[] ruleValues = rule.run(withCotangent, new Tensor[0], arena, true);
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
