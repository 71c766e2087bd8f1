package dev.gradient.program;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The interpreter: a shaped graph flattened for running, with the op, argument slots and
 * attributes of every node in plain arrays, so that the hot loop does no list look-ups, casts
 * or pattern matches per node. Built once per compiled graph (and per reverse pass) and kept
 * with it. Forward mode also walks its nodes, to carry tangents beside the values.
 *
 * <p>A run may take its values' arrays from an {@link Arena}; one that is to give back only
 * the outputs gives each other value's array back once the last node that reads it has run
 * (liveness: the last reader of every node is known from the plan alone), so that a long chain of
 * elementwise ops runs in a few arrays, whatever its length.
 *
 * <p>Immutable and safe for concurrent runs: each run has its own value array.
 */
public final class Plan implements Program {

    private final Primitive[] ops;
    private final int[][] args;
    private final Attrs[] attrs;
    private final Tensor[] constants;
    private final int[] inputSlots;
    private final int[] outputSlots;
    /** {@code costFrom[i]}: the element operations of nodes {@code i} and after, for {@link ElementOperations}. */
    private final long[] costFrom;
    /** {@code lastReader[i]}: the last node that reads node {@code i}'s value, or -1 for none. */
    private final int[] lastReader;
    /** Whether node {@code i} is an output. */
    private final boolean[] output;
    /** Whether some value is long enough for an arena to lend its array (else a run gives nothing back). */
    private final boolean lendable;

    /** {@code graph}, flattened. */
    public Plan(ShapedGraph graph) {
        List<Node> nodes = graph.nodes();
        int n = nodes.size();
        ops = new Primitive[n];
        args = new int[n][];
        attrs = new Attrs[n];
        constants = new Tensor[n];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node instanceof Node.Apply apply) {
                ops[i] = (Primitive) apply.op();
                args[i] = apply.args().stream().mapToInt(Integer::intValue).toArray();
                attrs[i] = apply.attrs();
            } else if (node instanceof Node.Const c) {
                constants[i] = c.value();
            }
        }
        inputSlots = graph.inputs().stream().mapToInt(Integer::intValue).toArray();
        outputSlots = graph.outputs().stream().mapToInt(Integer::intValue).toArray();
        lastReader = new int[n];
        Arrays.fill(lastReader, -1);
        for (int i = 0; i < n; i++) {
            if (args[i] != null) {
                for (int arg : args[i]) {
                    lastReader[arg] = i;
                }
            }
        }
        boolean anyLong = false;
        for (int i = 0; i < n; i++) {
            anyLong |= graph.shape(i).size() >= Arena.MIN_POOLED_LENGTH;
        }
        lendable = anyLong;
        output = new boolean[n];
        for (int slot : outputSlots) {
            output[slot] = true;
        }
        costFrom = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            long sum = costFrom[i + 1] + nodeCost(graph, i);
            costFrom[i] = sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    private long nodeCost(ShapedGraph graph, int i) {
        if (ops[i] == null) {
            return 0;
        }
        Shape[] argShapes = new Shape[args[i].length];
        for (int j = 0; j < argShapes.length; j++) {
            argShapes[j] = graph.shape(args[i][j]);
        }
        return ops[i].cost(argShapes, graph.shape(i));
    }

    /** The element operations of node {@code i}, as its op estimates them. */
    public long cost(int i) {
        return costFrom[i] - costFrom[i + 1];
    }

    /** How many nodes. */
    @Override
    public int size() {
        return ops.length;
    }

    /** The primitive at node {@code i}, or {@code null} for an input or constant. */
    public Primitive op(int i) {
        return ops[i];
    }

    /** The argument slots of node {@code i}. */
    public int[] args(int i) {
        return args[i];
    }

    /** The attributes of node {@code i}. */
    public Attrs attrs(int i) {
        return attrs[i];
    }

    /** The slot of output {@code k}. */
    @Override
    public int outputSlot(int k) {
        return outputSlots[k];
    }

    /**
     * The value of every node for {@code inputs} (in input order), reusing {@code known}: the
     * values of the first {@code known.length} nodes, from a graph that this one extends.
     */
    @Override
    public Tensor[] run(Tensor[] inputs, Tensor[] known) {
        return run(inputs, known, Arena.none(), false);
    }

    @Override
    public Tensor[] run(Tensor[] inputs, Tensor[] known, Arena arena, boolean outputsOnly) {
        Tensor[] values = new Tensor[ops.length];
        // values that share an array with another node's (an op that only reshapes) are never given back
        boolean[] shared = outputsOnly && lendable && arena.lends() ? new boolean[ops.length] : null;
        System.arraycopy(known, 0, values, 0, known.length);
        long[] counter = ElementOperations.counter();
        if (counter != null) {
            counter[0] += costFrom[known.length];
        }
        for (int k = 0; k < inputSlots.length; k++) {
            if (inputSlots[k] >= known.length) {
                values[inputSlots[k]] = inputs[k];
            }
        }
        for (int i = known.length; i < values.length; i++) {
            Primitive op = ops[i];
            if (op != null) {
                values[i] = op.apply(gather(args[i], values), attrs[i], arena);
                if (shared != null) {
                    giveBackDead(i, values, known.length, shared, arena);
                }
            } else if (constants[i] != null) {
                values[i] = constants[i];
            }
        }
        return values;
    }

    /**
     * Gives back the arrays of node {@code i}'s arguments that no later node reads: those the
     * plan computed in this run (not inputs, constants or the known prefix), that are no output,
     * and that share their array with no other node.
     */
    private void giveBackDead(int i, Tensor[] values, int known, boolean[] shared, Arena arena) {
        double[] produced = values[i].values();
        for (int arg : args[i]) {
            if (values[arg] != null && values[arg].values() == produced) {
                shared[arg] = true;
                shared[i] = true;
            }
        }
        for (int arg : args[i]) {
            if (lastReader[arg] == i && arg >= known && ops[arg] != null && !output[arg] && !shared[arg]
                    && values[arg] != null) {
                arena.recycle(values[arg].values());
                values[arg] = null;
            }
        }
    }

    /** The values at {@code slots}. */
    public static Tensor[] gather(int[] slots, Tensor[] values) {
        Tensor[] out = new Tensor[slots.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[slots[j]];
        }
        return out;
    }
}
