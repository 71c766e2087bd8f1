package dev.gradient.engine;

import dev.gradient.codegen.Compilation;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A function ready to run: its shaped graph and its program, plus whatever engines derive from
 * it and keep for the next request ({@link #derived}, such as reverse mode's adjoint graphs).
 *
 * <p>Thread-safe and immutable but for those memos, which their owners bound.
 */
public final class Compiled {

    private final ShapedGraph graph;
    private final BuildLimits limits;
    private final Plan plan;
    private final Program program;
    private final List<String> inputNames;
    private final Map<String, Integer> inputIndex;
    private final List<String> outputNames;
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    /** A compiled function; derivative graphs built from it obey {@code limits}. */
    public Compiled(ShapedGraph graph, BuildLimits limits) {
        this.graph = graph;
        this.limits = limits;
        this.plan = new Plan(graph);
        // interpreted at first, compiled once it is hot (gradient.compile.*)
        this.program = Compilation.shared().program(graph, plan);
        this.inputNames = graph.inputNames();
        this.inputIndex = Graph.indexOf(inputNames);
        this.outputNames = graph.outputNames();
    }

    /** The names of the inputs, in input order. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** Each input's position in input order, by name. */
    public Map<String, Integer> inputIndex() {
        return inputIndex;
    }

    /** The names of the outputs, in order. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** What runs it: every sweep of its values goes through this. */
    Program program() {
        return program;
    }

    /** Its nodes flattened, for an engine that walks them beside the values (forward mode's tangents). */
    Plan plan() {
        return plan;
    }

    /** The shaped graph. */
    public ShapedGraph graph() {
        return graph;
    }

    /** The limits its derivative graphs obey. */
    public BuildLimits limits() {
        return limits;
    }

    /**
     * What an engine derives from this function once and keeps with it, such as reverse mode's
     * adjoint graphs ({@link ReversePasses}): made by {@code make} on first use, one per kind.
     */
    <T> T derived(Class<T> kind, Function<Compiled, T> make) {
        return kind.cast(derived.computeIfAbsent(kind, k -> make.apply(this)));
    }

    /** The indices of every output, in order: what a product of every output asks for. */
    int[] allOutputs() {
        int[] outputs = new int[outputNames.size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = k;
        }
        return outputs;
    }

    /** Node positions of the inputs at input indices {@code inputIndices}. */
    int[] nodePositions(int[] inputIndices) {
        int[] positions = new int[inputIndices.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = graph.inputs().get(inputIndices[i]);
        }
        return positions;
    }
}
