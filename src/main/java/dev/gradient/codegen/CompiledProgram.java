package dev.gradient.codegen;

import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.ElementOperations;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * A plan run by generated code, the compiled tier of a {@link TieredProgram}: fills in what {@link Plan#run} fills in before its loop (the
 * known prefix, the inputs and the constants) and leaves the rest to the {@link GeneratedBody},
 * which writes the value of every node from {@link #start} on. Only for runs whose known prefix
 * is exactly {@link #start} nodes long, which is what it was generated for.
 *
 * <p>Immutable and safe for concurrent runs, like the plan. Not a {@code Program} itself: it
 * answers only for its own prefix, and the tiered program decides when it may.
 */
final class CompiledProgram {

    private final Plan plan;
    private final int start;
    private final GeneratedBody body;
    private final Class<? extends GeneratedBody> type;
    private final int[] inputSlots;
    private final Tensor[] constants;
    /** The element operations of the nodes it computes, as the plan counts them. */
    private final long cost;

    CompiledProgram(ShapedGraph graph, Plan plan, int start, GeneratedBody body, Class<? extends GeneratedBody> type) {
        this.plan = plan;
        this.start = start;
        this.body = body;
        this.type = type;
        this.inputSlots = graph.inputs().stream().mapToInt(Integer::intValue).toArray();
        this.constants = new Tensor[plan.size()];
        long sum = 0;
        for (int i = start; i < plan.size(); i++) {
            if (graph.nodes().get(i) instanceof Node.Const c) {
                constants[i] = c.value();
            }
            sum += plan.cost(i);
            if (sum < 0) {
                sum = Long.MAX_VALUE;
            }
        }
        this.cost = sum;
    }

    /** How many leading values a run must be given: the prefix it was generated to extend. */
    int start() {
        return start;
    }

    /** The generated class that runs it. */
    Class<? extends GeneratedBody> type() {
        return type;
    }

    /** How many nodes it computes. */
    int nodes() {
        return plan.size() - start;
    }

    /**
     * What {@link Plan#run} gives for a known prefix of {@link #start} values, with the arrays of
     * the values it makes taken from {@code arena}; see {@link Compilation#outputsProgram}.
     */
    Tensor[] run(Tensor[] inputs, Tensor[] known, Arena arena) {
        if (known.length != start) {
            throw new IllegalArgumentException("generated for a known prefix of " + start + " values, got " + known.length);
        }
        Tensor[] values = new Tensor[plan.size()];
        System.arraycopy(known, 0, values, 0, known.length);
        for (int k = 0; k < inputSlots.length; k++) {
            if (inputSlots[k] >= start) {
                values[inputSlots[k]] = inputs[k];
            }
        }
        for (int i = start; i < values.length; i++) {
            if (constants[i] != null) {
                values[i] = constants[i];
            }
        }
        body.run(values, arena);
        // counted once it has run: a run that fails is run again by the interpreter, which counts it
        long[] counter = ElementOperations.counter();
        if (counter != null) {
            counter[0] += cost;
        }
        return values;
    }
}
