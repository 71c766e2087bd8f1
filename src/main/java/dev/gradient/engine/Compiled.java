package dev.gradient.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ShapedGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A function ready to run: its shaped graph, plus the derivative graphs built from it on
 * demand and kept for the next request (the adjoint per choice of inputs and outputs, and the
 * gradient program that Hessians differentiate again).
 *
 * <p>Thread-safe and immutable but for those memos, which are bounded.
 */
public final class Compiled {

    private static final int MEMO_SIZE = 16;

    private final ShapedGraph graph;
    private final BuildLimits limits;
    private final Plan plan;
    private volatile LastAdjoint lastAdjoint;
    private final List<String> inputNames;
    private final Map<String, Integer> inputIndex;
    private final List<String> outputNames;
    private final Cache<List<Integer>, Adjoint> adjoints = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private final Cache<List<Integer>, Compiled> gradientPrograms = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();

    /** A compiled function; derivative graphs built from it obey {@code limits}. */
    public Compiled(ShapedGraph graph, BuildLimits limits) {
        this.graph = graph;
        this.limits = limits;
        this.plan = new Plan(graph);
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

    /** The graph flattened for running. */
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

    /** The adjoint for the inputs at input indices {@code wrt} and the outputs at output indices {@code outputs}. */
    Adjoint adjoint(int[] wrt, int[] outputs) {
        // a batch asks for the same adjoint at every point: answer it without building a cache key
        LastAdjoint last = lastAdjoint;
        if (last != null && Arrays.equals(last.wrt(), wrt) && Arrays.equals(last.outputs(), outputs)) {
            return last.adjoint();
        }
        Adjoint adjoint = adjoints.get(key(wrt, outputs),
                k -> ReverseTransform.build(graph, nodePositions(wrt), outputs, limits));
        lastAdjoint = new LastAdjoint(wrt.clone(), outputs.clone(), adjoint);
        return adjoint;
    }

    /** The adjoint asked for last, with what it was asked for. */
    private record LastAdjoint(int[] wrt, int[] outputs, Adjoint adjoint) {
    }

    /**
     * The gradient of output {@code output} by the inputs {@code wrt}, as a function of its own:
     * its inputs are this function's inputs followed by the output's cotangent, its outputs
     * the gradients, in {@code wrt} order.
     */
    Compiled gradientProgram(int[] wrt, int output) {
        return gradientPrograms.get(key(wrt, new int[] {output}),
                k -> new Compiled(adjoint(wrt, new int[] {output}).graph(), limits));
    }

    /** Node positions of the inputs at input indices {@code inputIndices}. */
    int[] nodePositions(int[] inputIndices) {
        int[] positions = new int[inputIndices.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = graph.inputs().get(inputIndices[i]);
        }
        return positions;
    }

    private static List<Integer> key(int[] wrt, int[] outputs) {
        Integer[] key = new Integer[wrt.length + outputs.length + 1];
        int k = 0;
        for (int w : wrt) {
            key[k++] = w;
        }
        key[k++] = -1;
        for (int o : outputs) {
            key[k++] = o;
        }
        return Arrays.asList(key);
    }
}
