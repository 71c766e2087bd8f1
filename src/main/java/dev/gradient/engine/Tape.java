package dev.gradient.engine;

import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.op.Pullback;
import dev.gradient.op.Vjp;
import dev.gradient.program.ElementOperations;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * The first-order reverse sweep as a tape: one step per node that depends on a differentiated
 * input, run from the last node to the first over the primal values, accumulating each
 * argument's cotangent in arrays. What reverse mode runs for gradients, VJPs and Jacobian rows;
 * the adjoint graph ({@link ReverseTransform}) stays for Hessians, which differentiate the
 * reverse pass again.
 *
 * <p>Vector form, like forward mode: one sweep carries every cotangent direction, and each
 * node's local partials are computed once and applied to all of them. A node whose op has a
 * numeric rule ({@link Primitive#pullback}) runs it; any other node runs its op's graph rule
 * ({@link Primitive#vjp}) as a small program of its own, so every op is covered and gives the
 * numbers the adjoint graph would. Contributions are summed in the adjoint graph's order.
 *
 * <p>Where an op marks elements dead ({@code where}, through {@link Primitive#liveMask}), the
 * tape keeps the adjoint graph's live masks too ({@link LiveMasks}), so that the branch not
 * taken contributes exact zeros, and runs every step on tensors.
 *
 * <p>A sweep takes its arrays (partials, contributions, sums) from the point's {@link Arena}
 * and gives each back once its last reader has run: a node's partials when its step is done,
 * a contribution once it is added into a sum, a node's cotangent once its step has run (unless
 * the step passed that very array on, as {@code add} does). A sweep of a long chain of
 * elementwise ops so runs in a few arrays.
 *
 * <p>Immutable and safe for concurrent sweeps: each sweep has its own cotangents. Built in one
 * loop, run in one loop: no recursion, whatever the graph's depth.
 */
final class Tape {

    /** The most arguments of a node that a sweep runs on doubles. */
    private static final int MAX_SCALAR_ARITY = 4;

    private final ShapedGraph graph;
    private final int[] wrtNodes;
    private final int[] outputNodes;
    private final Step[] steps;
    private final Plan plan;
    private final long partialsCost;
    private final long directionCost;
    private final boolean[] scalarNodes;
    /** The live masks, where the graph has an op that marks elements dead; else {@code null}. */
    private final LiveMasks masks;

    private Tape(ShapedGraph graph, int[] wrtNodes, int[] outputNodes, Step[] steps, Plan plan, LiveMasks masks) {
        this.graph = graph;
        this.masks = masks;
        this.wrtNodes = wrtNodes;
        this.outputNodes = outputNodes;
        this.steps = steps;
        this.plan = plan;
        long partials = 0;
        long direction = 0;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] instanceof NumericStep) {
                partials = Cost.add(partials, plan.cost(i));
                direction = Cost.add(direction, plan.cost(i));
            } else if (steps[i] instanceof GraphRuleStep rule) {
                direction = Cost.add(direction, rule.cost());
            }
        }
        this.partialsCost = partials;
        this.directionCost = direction;
        this.scalarNodes = new boolean[steps.length];
        for (int i = 0; i < steps.length; i++) {
            scalarNodes[i] = graph.shape(i).isScalar();
        }
    }

    /** Whether it keeps live masks: its graph has an op that marks elements dead. */
    boolean keepsLiveMasks() {
        return masks != null;
    }

    /**
     * The element operations of a sweep with {@code directions} directions, at most: the local
     * partials of every node with a numeric rule and the live masks once, then every step once
     * per direction.
     * What {@link ElementOperations} counts of a sweep never exceeds it.
     */
    long cost(long directions) {
        long once = masks == null ? partialsCost : Cost.add(partialsCost, masks.cost());
        return Cost.add(once, Cost.multiply(directions, directionCost));
    }

    /**
     * The tape of {@code f} for the inputs at input indices {@code wrt} and the outputs at output
     * indices {@code outputs}.
     */
    static Tape build(Compiled f, int[] wrt, int[] outputs) {
        ShapedGraph graph = f.graph();
        int[] wrtNodes = f.nodePositions(wrt);
        boolean[] active = ReverseTransform.activeNodes(graph, wrtNodes);
        Step[] steps = new Step[graph.size()];
        long ruleNodes = 0;
        boolean marksDead = false;
        for (int i = 0; i < steps.length; i++) {
            if (!active[i] || !(graph.nodes().get(i) instanceof Node.Apply apply)) {
                continue;
            }
            Primitive op = (Primitive) apply.op();
            int[] args = apply.args().stream().mapToInt(Integer::intValue).toArray();
            boolean[] needed = ReverseTransform.needed(args, active);
            Pullback pullback = op.pullback();
            if (pullback != null) {
                boolean scalar = graph.shape(i).isScalar() && args.length <= MAX_SCALAR_ARITY;
                for (int arg : args) {
                    scalar &= graph.shape(arg).isScalar();
                }
                steps[i] = new NumericStep(i, args, needed, apply.attrs(), pullback, scalar);
                continue;
            }
            GraphRuleStep.Built built = GraphRuleStep.of(f, i, apply, args, needed);
            GraphRuleStep step = built.step();
            marksDead |= built.marksDead();
            ruleNodes += step.rule().size();
            // the rules are derivative graphs, which count towards the limit beside the graph's own nodes
            if (graph.size() + ruleNodes > f.limits().maxNodes()) {
                throw tooManyNodes(f.limits());
            }
            steps[i] = step;
        }
        LiveMasks masks = null;
        if (marksDead) {
            masks = LiveMasks.build(graph, active, f.limits(), f.limits().maxNodes() - graph.size() - ruleNodes);
        }
        int[] outputNodes = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            outputNodes[k] = graph.outputs().get(outputs[k]);
        }
        return new Tape(graph, wrtNodes, outputNodes, steps, f.plan(), masks);
    }

    /**
     * The cotangents of the differentiated inputs, {@code [direction][wrt]}, for the output
     * cotangents {@code cotangents[direction][output]} ({@code null} is zero), over the primal
     * values {@code values} of every node, with scratch arrays from {@code arena} (the cotangents
     * it returns may be arrays the arena lent).
     */
    Tensor[][] run(Tensor[] values, Tensor[][] cotangents, Arena arena) {
        int directions = cotangents.length;
        // with live masks every step runs on tensors, where the masks are
        CotangentSums sums = new CotangentSums(steps.length, directions,
                masks == null ? scalarNodes : new boolean[steps.length], arena);
        LiveMasks.Sweep live = masks == null ? null : masks.sweep(values);
        for (int k = 0; k < outputNodes.length; k++) {
            if (live != null) {
                live.allLive(outputNodes[k]);
            }
            for (int d = 0; d < directions; d++) {
                if (cotangents[d][k] != null && (steps[outputNodes[k]] != null || isWrt(outputNodes[k]))) {
                    sums.add(outputNodes[k], d, cotangents[d][k]);
                }
            }
        }
        long[] counter = ElementOperations.counter();
        double[][] scratch = new double[2][MAX_SCALAR_ARITY];
        for (int i = steps.length - 1; i >= 0; i--) {
            Step step = steps[i];
            if (step == null || !sums.any(i)) {
                continue;
            }
            if (live == null && directions == 1 && step instanceof NumericStep numeric && numeric.scalar()
                    && numeric.sweepScalar(values, sums, scratch)) {
                if (counter != null) {
                    counter[0] += plan.cost(i) * 2L;
                }
                sums.release(i);
                continue;
            }
            Vjp vjp = step.at(values, arena);
            Tensor[] argumentMasks = live == null ? null : live.argumentMasks(i);
            // a numeric rule's contribution is an array of its own unless it is the cotangent's (Pullback)
            boolean ownContributions = live == null && step instanceof NumericStep;
            int swept = 0;
            for (int d = 0; d < directions; d++) {
                Tensor cotangent = sums.get(i, d);
                if (cotangent == null) {
                    continue;
                }
                swept++;
                Tensor[] contributions = vjp.apply(cotangent);
                for (int j = 0; j < contributions.length; j++) {
                    if (contributions[j] == null || !step.needed()[j]) {
                        continue;
                    }
                    boolean passedOn = contributions[j].values() == cotangent.values();
                    if (passedOn) {
                        sums.disown(i, d);
                    }
                    sums.add(step.args()[j], d,
                            live == null ? contributions[j] : LiveMasks.keepLive(argumentMasks[j], contributions[j]),
                            ownContributions && !passedOn);
                }
            }
            vjp.done();
            if (live != null) {
                for (int j = 0; j < step.args().length; j++) {
                    if (step.needed()[j] && step.contributes(j)) {
                        live.join(step.args()[j], argumentMasks[j]);
                    }
                }
            }
            if (counter != null && step instanceof NumericStep) {
                // the local partials once, then one application of them per direction swept
                counter[0] += plan.cost(i) * (1L + swept);
            }
            // a node with a step applies an op, so it is no differentiated input: nothing reads it again
            sums.release(i);
        }
        Tensor[][] result = new Tensor[directions][wrtNodes.length];
        for (int j = 0; j < wrtNodes.length; j++) {
            for (int d = 0; d < directions; d++) {
                Tensor c = sums.get(wrtNodes[j], d);
                result[d][j] = c != null ? c : Tensor.zeros(graph.shape(wrtNodes[j]));
            }
        }
        return result;
    }

    /** The error for a reverse pass whose rule graphs, with the graph's own nodes, pass {@code max-nodes}. */
    static GradientException tooManyNodes(BuildLimits limits) {
        return GradientException.limitExceeded("gradient.limits.max-nodes",
                "the reverse pass would have more than " + limits.maxNodes() + " nodes");
    }

    private boolean isWrt(int node) {
        for (int w : wrtNodes) {
            if (w == node) {
                return true;
            }
        }
        return false;
    }

    /** One node's reverse step: its VJP at the primal values. */
    sealed interface Step permits NumericStep, GraphRuleStep {

        /** The node's argument slots. */
        int[] args();

        /** Which arguments depend on a differentiated input. */
        boolean[] needed();

        /** The node's VJP where every node's value is {@code values}, with scratch arrays from {@code arena}. */
        Vjp at(Tensor[] values, Arena arena);

        /** Whether its rule gives argument {@code j} a contribution at all (a needed argument of a numeric rule always has one). */
        default boolean contributes(int j) {
            return needed()[j];
        }
    }

    /**
     * A node whose op has a numeric rule; {@code scalar} where the node and its arguments are
     * single numbers, so that a sweep of one direction can run it on doubles.
     */
    private record NumericStep(int node, int[] args, boolean[] needed, Attrs attrs, Pullback pullback, boolean scalar)
            implements Step {

        @Override
        public Vjp at(Tensor[] values, Arena arena) {
            return pullback.at(Plan.gather(args, values), values[node], attrs, needed, arena);
        }

        /**
         * Runs the step on doubles, if the op has a scalar form, with {@code scratch[0]} and
         * {@code scratch[1]} for the arguments' values and contributions; false leaves
         * everything as it was.
         */
        boolean sweepScalar(Tensor[] values, CotangentSums sums, double[][] scratch) {
            double[] argValues = scratch[0];
            for (int j = 0; j < args.length; j++) {
                argValues[j] = values[args[j]].get(0);
            }
            double[] contributions = scratch[1];
            if (!pullback.scalarAt(argValues, values[node].get(0), needed, sums.scalar(node), contributions)) {
                return false;
            }
            for (int j = 0; j < args.length; j++) {
                if (needed[j]) {
                    sums.addScalar(args[j], contributions[j]);
                }
            }
            return true;
        }
    }
}
