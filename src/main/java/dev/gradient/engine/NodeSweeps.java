package dev.gradient.engine;

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
 * The engines' sweeps with every node's number kept, for an evaluation trace: the primal value,
 * forward mode's tangent and reverse mode's adjoint of each node, with the contributions that
 * make up each adjoint. The numbers are those the engines compute: tangents by each op's JVP
 * rule ({@link Primitive#linearize}) as {@link ForwardEngine} applies it, adjoints by each op's
 * numeric VJP rule or, where it has none, its graph rule ({@link GraphRuleStep}), with the live
 * masks of {@link LiveMasks} where an op marks elements dead, summed in the order {@link Tape}
 * sums them. One direction only; meant for small graphs, whose every number a person reads.
 */
public final class NodeSweeps {

    private NodeSweeps() {
    }

    /** The value of every node of {@code at}'s function, in node order. */
    public static Tensor[] values(Evaluation at) {
        return at.values().clone();
    }

    /**
     * Every node's tangent for the input tangents {@code inputTangents} (one per input, in input
     * order; {@code null} is zero), in node order; {@code null} where the tangent is zero.
     */
    public static Tensor[] tangents(Evaluation at, Tensor[] inputTangents) {
        Compiled function = at.function();
        Plan plan = function.plan();
        Tensor[] values = at.values();
        Tensor[] tangents = new Tensor[plan.size()];
        List<Integer> inputs = function.graph().inputs();
        for (int k = 0; k < inputs.size(); k++) {
            tangents[inputs.get(k)] = inputTangents[k];
        }
        for (int i = 0; i < plan.size(); i++) {
            if (plan.op(i) == null) {
                continue;
            }
            int[] args = plan.args(i);
            boolean[] with = new boolean[args.length];
            Tensor[] argTangents = new Tensor[args.length];
            boolean any = false;
            for (int j = 0; j < args.length; j++) {
                argTangents[j] = tangents[args[j]];
                with[j] = argTangents[j] != null;
                any |= with[j];
            }
            if (any) {
                tangents[i] = plan.op(i).linearize(Plan.gather(args, values), values[i], plan.attrs(i), with).apply(argTangents);
            }
        }
        return tangents;
    }

    /** One contribution to a node's adjoint: from the node at {@code from}, worth {@code value}. */
    public record Contribution(int from, Tensor value) {
    }

    /**
     * The reverse sweep's numbers: each node's adjoint ({@code null} where nothing reached it)
     * and the contributions that were added up into it, in the order they were added.
     */
    public record Adjoints(Tensor[] adjoints, List<List<Contribution>> contributions) {
    }

    /**
     * The reverse sweep of output {@code output} for the output cotangent {@code seed}, by every
     * input: each node's adjoint and its contributions.
     */
    public static Adjoints adjoints(Evaluation at, int output, Tensor seed) {
        Compiled f = at.function();
        ShapedGraph graph = f.graph();
        int n = graph.size();
        Tensor[] values = at.values();
        int[] wrtNodes = graph.inputs().stream().mapToInt(Integer::intValue).toArray();
        boolean[] active = ReverseTransform.activeNodes(graph, wrtNodes);
        int[][] args = new int[n][];
        boolean[][] needed = new boolean[n][];
        GraphRuleStep[] rules = new GraphRuleStep[n];
        boolean marksDead = false;
        for (int i = 0; i < n; i++) {
            if (active[i] && graph.nodes().get(i) instanceof Node.Apply apply) {
                args[i] = apply.args().stream().mapToInt(Integer::intValue).toArray();
                needed[i] = ReverseTransform.needed(args[i], active);
                if (((Primitive) apply.op()).pullback() == null) {
                    GraphRuleStep.Built built = GraphRuleStep.of(f, i, apply, args[i], needed[i]);
                    marksDead |= built.marksDead();
                    rules[i] = built.step();
                }
            }
        }
        LiveMasks.Sweep live = marksDead
                ? LiveMasks.build(graph, active, f.limits(), f.limits().maxNodes()).sweep(values) : null;
        Tensor[] adjoints = new Tensor[n];
        List<List<Contribution>> contributions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            contributions.add(new ArrayList<>(2));
        }
        int outputNode = graph.outputs().get(output);
        if (live != null) {
            live.allLive(outputNode);
        }
        adjoints[outputNode] = seed;
        for (int i = n - 1; i >= 0; i--) {
            if (args[i] == null || adjoints[i] == null) {
                continue;
            }
            Tensor[] masks = live == null ? null : live.argumentMasks(i);
            Tensor[] parts = vjp(graph, values, i, rules[i], needed[i]).apply(adjoints[i]);
            for (int j = 0; j < parts.length; j++) {
                if (parts[j] == null || !needed[i][j]) {
                    continue;
                }
                Tensor part = live == null ? parts[j] : LiveMasks.keepLive(masks[j], parts[j]);
                int arg = args[i][j];
                contributions.get(arg).add(new Contribution(i, part));
                adjoints[arg] = adjoints[arg] == null ? part : sum(adjoints[arg], part);
                if (live != null && (rules[i] == null || rules[i].contributes(j))) {
                    live.join(arg, masks[j]);
                }
            }
        }
        return new Adjoints(adjoints, contributions);
    }

    private static Tensor sum(Tensor a, Tensor b) {
        double[] out = a.values().clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += b.get(k);
        }
        return Tensor.of(a.shape(), out);
    }

    /** Node {@code i}'s VJP at the primal values: its graph rule {@code rule} where it has one, else its op's numeric rule. */
    private static Vjp vjp(ShapedGraph graph, Tensor[] values, int i, GraphRuleStep rule, boolean[] needed) {
        if (rule != null) {
            return rule.at(values, Arena.none());
        }
        Node.Apply apply = (Node.Apply) graph.nodes().get(i);
        int[] args = apply.args().stream().mapToInt(Integer::intValue).toArray();
        return ((Primitive) apply.op()).pullback().at(Plan.gather(args, values), values[i], apply.attrs(), needed);
    }
}
