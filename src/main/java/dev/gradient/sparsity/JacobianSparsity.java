package dev.gradient.sparsity;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Cost;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The sparsity pattern of a Jacobian from the graph alone, without values: every element of a
 * differentiated input starts with the set of its own flattened index, and one loop over the
 * nodes in order carries the sets through each op by its rule ({@link SparsityRules}); an
 * output element's set is its row of the pattern. Conservative: an entry outside the pattern is
 * zero at every point (the rules never drop a dependency), and exact for elementwise and
 * indexing ops.
 *
 * <p>Before it runs, each node's largest set is bounded from its arguments' bounds (capped at
 * the number of differentiated elements), and the whole propagation's work in index
 * operations is checked against the caller's cost limit, so no propagation outgrows it. A
 * node's sets are dropped once its last consumer has run. Iterative: no recursion, whatever
 * the graph's depth.
 */
public final class JacobianSparsity {

    private JacobianSparsity() {
    }

    /**
     * The pattern of the Jacobian of the outputs {@code outputs} (output indices) of {@code f} by
     * its inputs {@code wrt} (input indices); an {@code LIMIT_EXCEEDED} problem naming
     * {@code gradient.limits.max-cost} where its estimate ({@link #cost}) passes {@code maxCost}.
     */
    public static SparsityPattern of(Compiled f, int[] wrt, int[] outputs, long maxCost) {
        Propagation propagation = new Propagation(f.graph(), wrt, outputs);
        long work = propagation.work();
        if (work > maxCost) {
            throw GradientException.limitExceeded("gradient.limits.max-cost", "the sparsity pattern would take about " + work
                    + " index operations, more than gradient.limits.max-cost (" + maxCost + ")");
        }
        return propagation.run();
    }

    /** The estimated work of {@link #of} in index operations, the unit it is checked against {@code max-cost} in. */
    public static long cost(Compiled f, int[] wrt, int[] outputs) {
        return new Propagation(f.graph(), wrt, outputs).work();
    }

    /** One propagation, with the bounds that price it. */
    private static final class Propagation {

        private final ShapedGraph graph;
        private final int[] outputs;
        private final int[] offsets;
        private final int columns;
        private final boolean[] needed;
        private final long[] bounds;
        private final long[] work;

        Propagation(ShapedGraph graph, int[] wrt, int[] outputs) {
            this.graph = graph;
            this.outputs = outputs;
            int size = graph.size();
            offsets = new int[size];
            java.util.Arrays.fill(offsets, -1);
            long total = 0;
            for (int j : wrt) {
                int node = graph.inputs().get(j);
                offsets[node] = Math.toIntExact(total);
                total += graph.shape(node).size();
            }
            columns = Math.toIntExact(total);
            needed = needed(graph, outputs, offsets);
            bounds = new long[size];
            work = new long[size];
            for (int i = 0; i < size; i++) {
                if (!needed[i]) {
                    continue;
                }
                if (offsets[i] >= 0) {
                    bounds[i] = 1;
                    work[i] = graph.shape(i).size();
                } else if (graph.nodes().get(i) instanceof Node.Apply apply) {
                    SparsityRule rule = SparsityRules.require(apply.op().name());
                    Shape[] args = argShapes(apply);
                    long[] argBounds = new long[args.length];
                    for (int j = 0; j < args.length; j++) {
                        argBounds[j] = bounds[apply.args().get(j)];
                    }
                    bounds[i] = Math.min(columns, rule.bound(args, argBounds, graph.shape(i), apply.attrs()));
                    work[i] = rule.work(args, argBounds, graph.shape(i), bounds[i]);
                }
            }
        }

        long work() {
            long total = columns;
            for (long w : work) {
                total = Cost.add(total, w);
            }
            for (int k : outputs) {
                int node = graph.outputs().get(k);
                total = Cost.add(total, Cost.multiply(graph.shape(node).size(), Cost.add(1, bounds[node])));
            }
            return total;
        }

        SparsityPattern run() {
            int size = graph.size();
            int[] lastUse = lastUses();
            IndexSets[] sets = new IndexSets[size];
            Unions unions = new Unions(columns);
            for (int i = 0; i < size; i++) {
                if (!needed[i]) {
                    continue;
                }
                if (offsets[i] >= 0) {
                    sets[i] = IndexSets.identity(Math.toIntExact(graph.shape(i).size()), offsets[i]);
                } else if (graph.nodes().get(i) instanceof Node.Apply apply) {
                    SparsityRule rule = SparsityRules.require(apply.op().name());
                    Shape[] args = argShapes(apply);
                    IndexSets[] argSets = new IndexSets[args.length];
                    for (int j = 0; j < args.length; j++) {
                        IndexSets s = sets[apply.args().get(j)];
                        argSets[j] = s != null ? s : IndexSets.empty(Math.toIntExact(args[j].size()));
                    }
                    sets[i] = rule.propagate((Primitive) apply.op(), args, argSets, graph.shape(i), apply.attrs(), unions);
                    for (int arg : apply.args()) {
                        if (lastUse[arg] == i) {
                            sets[arg] = null;
                        }
                    }
                }
            }
            List<int[]> rows = new ArrayList<>();
            for (int k : outputs) {
                int node = graph.outputs().get(k);
                int elements = Math.toIntExact(graph.shape(node).size());
                for (int e = 0; e < elements; e++) {
                    rows.add(sets[node] == null ? IndexSets.EMPTY : sets[node].get(e));
                }
            }
            return SparsityPattern.ofRows(columns, rows.toArray(int[][]::new));
        }

        /** For each node, the last node that reads it; outputs are read at the end. */
        private int[] lastUses() {
            int size = graph.size();
            int[] last = new int[size];
            java.util.Arrays.fill(last, -1);
            for (int i = 0; i < size; i++) {
                if (needed[i] && graph.nodes().get(i) instanceof Node.Apply apply) {
                    for (int arg : apply.args()) {
                        last[arg] = i;
                    }
                }
            }
            for (int node : graph.outputs()) {
                last[node] = size;
            }
            return last;
        }

        private Shape[] argShapes(Node.Apply apply) {
            Shape[] shapes = new Shape[apply.args().size()];
            for (int j = 0; j < shapes.length; j++) {
                shapes[j] = graph.shape(apply.args().get(j));
            }
            return shapes;
        }

        /** The nodes that both depend on a differentiated input and reach one of the outputs. */
        private static boolean[] needed(ShapedGraph graph, int[] outputs, int[] offsets) {
            int size = graph.size();
            boolean[] active = new boolean[size];
            for (int i = 0; i < size; i++) {
                active[i] = offsets[i] >= 0;
                if (graph.nodes().get(i) instanceof Node.Apply apply) {
                    for (int arg : apply.args()) {
                        active[i] |= active[arg];
                    }
                }
            }
            boolean[] reaches = new boolean[size];
            for (int k : outputs) {
                reaches[graph.outputs().get(k)] = true;
            }
            for (int i = size - 1; i >= 0; i--) {
                if (reaches[i] && graph.nodes().get(i) instanceof Node.Apply apply) {
                    for (int arg : apply.args()) {
                        reaches[arg] = true;
                    }
                }
            }
            boolean[] needed = new boolean[size];
            for (int i = 0; i < size; i++) {
                needed[i] = active[i] && reaches[i];
            }
            return needed;
        }
    }
}
