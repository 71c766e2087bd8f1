package dev.gradient.engine;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.OpRegistry;
import dev.gradient.op.Primitive;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * The live masks of the adjoint graph ({@link ReverseTransform}, {@link Primitive#liveMask}) as
 * numbers, for a tape whose graph has an op that marks elements dead ({@code where}): which
 * elements of each node influence live elements of the outputs. A contribution is replaced by
 * exact zeros outside its argument's mask, as the adjoint graph does, so that a NaN or infinite
 * derivative in the branch not taken cannot leak. Each node's rules are small graphs of their
 * own, written once; a sweep runs them once per point, whatever the number of directions.
 *
 * <p>Immutable and safe for concurrent sweeps: each sweep's masks are its own ({@link #sweep}).
 */
final class LiveMasks {

    private static final Primitive WHERE = (Primitive) OpRegistry.standard().require("where");
    private static final Primitive MAXIMUM = (Primitive) OpRegistry.standard().require("maximum");
    private static final Tensor ZERO = Tensor.scalar(0.0);

    private final int[][] inputSlots;
    private final Plan[][] whenAllLive;
    private final Plan[][] whenMasked;
    private final long cost;

    private LiveMasks(int[][] inputSlots, Plan[][] whenAllLive, Plan[][] whenMasked, long cost) {
        this.inputSlots = inputSlots;
        this.whenAllLive = whenAllLive;
        this.whenMasked = whenMasked;
        this.cost = cost;
    }

    /** Whether {@code op} marks some elements of argument {@code j} dead even where every element of its output is live. */
    static boolean marksDead(Primitive op, GraphBuilder b, int j, int[] argNodes, int out, Node.Apply apply) {
        return op.liveMask(b, j, argNodes, out, -1, apply.attrs()) >= 0;
    }

    /**
     * The mask rules of every node of {@code graph} where {@code active}, for the arguments where
     * also active; {@code budget} is how many rule nodes they may have in all, checked as they
     * are built (the limit {@code max-nodes} is exceeded beyond it).
     */
    static LiveMasks build(ShapedGraph graph, boolean[] active, BuildLimits limits, long budget) {
        int n = graph.size();
        int[][] inputSlots = new int[n][];
        Plan[][] whenAllLive = new Plan[n][];
        Plan[][] whenMasked = new Plan[n][];
        long nodes = 0;
        long cost = 0;
        for (int i = 0; i < n; i++) {
            if (!active[i] || !(graph.nodes().get(i) instanceof Node.Apply apply)) {
                continue;
            }
            int[] args = apply.args().stream().mapToInt(Integer::intValue).toArray();
            whenAllLive[i] = new Plan[args.length];
            whenMasked[i] = new Plan[args.length];
            for (int j = 0; j < args.length; j++) {
                if (active[args[j]]) {
                    whenAllLive[i][j] = rule(graph, i, apply, args, j, false, limits);
                    whenMasked[i][j] = rule(graph, i, apply, args, j, true, limits);
                    nodes += size(whenAllLive[i][j]) + size(whenMasked[i][j]);
                    if (nodes > budget) {
                        throw Tape.tooManyNodes(limits);
                    }
                    cost = Cost.add(cost, Cost.add(cost(whenAllLive[i][j]), cost(whenMasked[i][j])));
                }
            }
            inputSlots[i] = new RuleGraph(graph, i, args, limits).slots();
        }
        return new LiveMasks(inputSlots, whenAllLive, whenMasked, cost);
    }

    private static long size(Plan plan) {
        return plan == null ? 0 : plan.size();
    }

    private static long cost(Plan plan) {
        long sum = 0;
        for (int k = 0; plan != null && k < plan.size(); k++) {
            sum = Cost.add(sum, plan.cost(k));
        }
        return sum;
    }

    /** Argument {@code j}'s mask as a program of the node's arguments, output and (where {@code masked}) output mask; null where every element is live. */
    private static Plan rule(ShapedGraph graph, int node, Node.Apply apply, int[] args, int j, boolean masked, BuildLimits limits) {
        RuleGraph rule = new RuleGraph(graph, node, args, limits);
        int outMask = masked ? rule.builder.input("output mask", graph.shape(node)) : -1;
        int mask = ((Primitive) apply.op()).liveMask(rule.builder, j, rule.argNodes, rule.out, outMask, apply.attrs());
        return mask < 0 ? null : new Plan(rule.builder.build(List.of(mask), List.of("mask")));
    }

    /** The element operations of one sweep's masks, at most (they are computed once per point). */
    long cost() {
        return cost;
    }

    /** The masks of one sweep over the primal values {@code values}, every node's unset. */
    Sweep sweep(Tensor[] values) {
        return new Sweep(values);
    }

    /** {@code contribution} where {@code mask} is non-zero, exact zeros elsewhere; {@code mask == null} keeps it whole. */
    static Tensor keepLive(Tensor mask, Tensor contribution) {
        return mask == null ? contribution : WHERE.apply(new Tensor[] {mask, contribution, ZERO}, Attrs.NONE);
    }

    /**
     * {@code mask}, or {@code null} (all live) where every element of it is non-zero: keeping
     * the live elements of a contribution under such a mask gives the contribution itself, bit
     * for bit, and every rule gives the same masks for it as for "all live". The branches of a
     * {@code where} usually join to such a mask, so that the nodes before it need no masks.
     */
    private static Tensor allNonZero(Tensor mask) {
        for (double v : mask.values()) {
            if (v == 0.0) {
                return mask;
            }
        }
        return null;
    }

    /** One sweep's masks: per node unset, all live, or a 0/1 tensor of the node's shape. */
    final class Sweep {

        private final Tensor[] values;
        private final Tensor[] masks;
        private final boolean[] allLive;

        private Sweep(Tensor[] values) {
            this.values = values;
            this.masks = new Tensor[values.length];
            this.allLive = new boolean[values.length];
        }

        /** Marks every element of {@code node} live (an output's). */
        void allLive(int node) {
            allLive[node] = true;
            masks[node] = null;
        }

        /** The mask of each argument of {@code node}, given its own: {@code null} entries are all live. */
        Tensor[] argumentMasks(int node) {
            boolean masked = !allLive[node] && masks[node] != null;
            Plan[] rules = masked ? whenMasked[node] : whenAllLive[node];
            int[] slots = inputSlots[node];
            // every argument's rule takes the same inputs: the node's arguments and output, then its mask
            Tensor[] inputs = new Tensor[slots.length + (masked ? 1 : 0)];
            for (int k = 0; k < slots.length; k++) {
                inputs[k] = values[slots[k]];
            }
            if (masked) {
                inputs[slots.length] = masks[node];
            }
            Tensor[] result = new Tensor[rules.length];
            for (int j = 0; j < rules.length; j++) {
                if (rules[j] == null) {
                    continue;
                }
                Tensor[] ruleValues = rules[j].run(inputs, new Tensor[0]);
                result[j] = allNonZero(ruleValues[rules[j].outputSlot(0)]);
            }
            return result;
        }

        /** Joins the mask {@code live} of a contribution to {@code node} ({@code null}: all live), as the adjoint graph does. */
        void join(int node, Tensor live) {
            if (allLive[node]) {
                return;
            }
            if (live == null) {
                allLive(node);
                return;
            }
            Tensor joined = allNonZero(masks[node] == null ? live : MAXIMUM.apply(new Tensor[] {masks[node], live}, Attrs.NONE));
            if (joined == null) {
                allLive(node);
            } else {
                masks[node] = joined;
            }
        }
    }
}
