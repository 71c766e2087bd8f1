package dev.gradient.api;

import dev.gradient.config.GradientLimits;
import dev.gradient.engine.Cost;
import dev.gradient.engine.CostModel;
import dev.gradient.engine.Engine;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.engine.Product;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.Json;
import dev.gradient.telemetry.RequestFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A request ready to run: the function, its id, and one or more points compiled for their
 * shapes. It reads the fields that depend on the function ({@code wrt}, {@code output},
 * {@code engine}) and checks the request's total cost and result size before any point runs.
 */
final class Invocation {

    /** The batch size from which points run in parallel; below it the hand-off costs more than it saves. */
    private static final int PARALLEL_BATCH = 256;

    private final ParsedGraph graph;
    private final List<Point> points;
    private final boolean batch;
    private final boolean columnar;
    private final EngineRegistry engines;
    private final GradientLimits limits;
    private final WorkInFlight work;
    private final List<String> inputNames;
    private final Set<String> inputSet;
    private final List<String> outputNames;

    Invocation(ParsedGraph graph, List<Point> points, boolean batch, boolean columnar, EngineRegistry engines,
            GradientLimits limits, WorkInFlight work) {
        this.columnar = columnar;
        this.work = work;
        this.graph = graph;
        this.points = List.copyOf(points);
        this.batch = batch;
        this.engines = engines;
        this.limits = limits;
        // computed once: the graph builds these lists anew on every call
        this.inputNames = graph.graph().inputNames();
        this.inputSet = Set.copyOf(inputNames);
        this.outputNames = graph.graph().outputNames();
    }

    /** {@code names} for a message: all of them where there are few, else the first few and how many. */
    static String abbreviated(List<String> names) {
        return names.size() <= 20 ? names.toString()
                : names.subList(0, 20).toString().replace("]", ", ... (" + names.size() + " in all)]");
    }

    /** The id of the function, as {@code POST /graphs} gives it. */
    String graphId() {
        return graph.id();
    }

    /** Whether every point runs the same compiled function (their inputs have the same shapes). */
    boolean sharesOneFunction() {
        Point first = first();
        for (Point point : points) {
            if (point.compiled() != first.compiled()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the request gave {@code points} rather than {@code at}. */
    boolean batch() {
        return batch;
    }

    /**
     * Whether the batch was given columnar (an array per input, its first axis over the points),
     * so that the results go back the same way: each with a leading axis over the points.
     */
    boolean columnar() {
        return columnar;
    }

    /** Every point, in order, compiled for its shapes. */
    List<Point> points() {
        return points;
    }

    /** The first point; {@code "auto"} decides by its sizes. */
    Point first() {
        return points.get(0);
    }

    /** The names of the function's inputs, in input order. */
    List<String> inputNames() {
        return inputNames;
    }

    /** Whether the function has an input named {@code name}. */
    boolean isInput(String name) {
        return inputSet.contains(name);
    }

    /** The names of the function's outputs, in order. */
    List<String> outputNames() {
        return outputNames;
    }

    /**
     * The inputs to differentiate by, from the {@code wrt} field at {@code node}: input names,
     * each once; {@code fallback} where the field is absent.
     */
    List<String> wrt(JsonNode node, List<String> fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        List<String> names = Json.strings(node, "/wrt");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!isInput(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its inputs are "
                        + abbreviated(inputNames), Origin.at(Pointer.child("/wrt", i)));
            }
            if (!seen.add(name)) {
                throw new GradientException(ErrorCode.DUPLICATE_NAME, "'" + name + "' appears more than once in /wrt",
                        Origin.at(Pointer.child("/wrt", i)));
            }
        }
        return names;
    }

    /**
     * The output that {@code /gradient} and {@code /hessian} differentiate, from the {@code output}
     * field at {@code node}: required where the function has several outputs, and it must be a
     * scalar at every point.
     */
    int scalarOutput(JsonNode node, String endpoint) {
        int k;
        String pointer;
        if (node == null || node.isNull()) {
            if (outputNames().size() != 1) {
                throw new GradientException(ErrorCode.MISSING_OUTPUT, "the function has " + outputNames().size() + " outputs "
                        + abbreviated(outputNames) + "; say which one to differentiate with 'output'", Origin.at(""));
            }
            k = 0;
            pointer = "";
        } else {
            String name = Json.string(node, "/output");
            k = outputNames().indexOf(name);
            if (k < 0) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an output of the function; its outputs are "
                        + abbreviated(outputNames), Origin.at("/output"));
            }
            pointer = "/output";
        }
        for (Point point : points) {
            if (!point.outputShape(k).isScalar()) {
                throw new GradientException(ErrorCode.NOT_SCALAR, "the output '" + outputNames().get(k) + "' has shape "
                        + point.outputShape(k) + " at " + point.pointer() + "; " + endpoint
                        + " needs a scalar output: use /jacobian for non-scalar outputs", Origin.at(pointer));
            }
        }
        return k;
    }

    /** The engine named by the {@code engine} field at {@code node}; for {@code "auto"} or no field, {@code auto}. */
    Engine engine(JsonNode node, Function<Point, Engine> auto) {
        String name = node == null || node.isNull() ? EngineRegistry.AUTO : Json.string(node, "/engine");
        if (name.equals(EngineRegistry.AUTO)) {
            return RequestFacts.current().engine(auto.apply(first()), Engine::name);
        }
        return RequestFacts.current().engine(engines.find(name).orElseThrow(() -> new GradientException(ErrorCode.UNKNOWN_ENGINE, "there is no engine '" + name
                + "'; the engines are " + engines.all().stream().map(Engine::name).toList() + " and '"
                + EngineRegistry.AUTO + "'", Origin.at("/engine"))), Engine::name);
    }

    /** The engine that {@code "auto"} picks for {@code product} by the inputs {@code wrt}, at {@code point}. */
    Engine auto(Product product, Point point, List<String> wrt) {
        return engines.auto(product, point.compiled(), point.inputIndices(wrt));
    }

    /**
     * Checks, before any point runs, that the request's estimated cost and its result size,
     * summed over its points ({@code cost} estimates one point, by {@link CostModel}), stay
     * within the limits (and that no derivative tensor passes {@code max-elements}), then waits for room among the work in flight ({@link WorkInFlight}).
     */
    void admit(Function<Point, Cost> cost) {
        Cost total = Cost.NONE;
        for (Point point : points) {
            total = total.plus(cost.apply(point));
        }
        if (total.elementOperations() > limits.maxCost()) {
            throw GradientException.limitExceeded("gradient.limits.max-cost", "the request's estimated cost is "
                    + total.elementOperations() + " element operations" + (batch ? " over " + points.size() + " points" : "")
                    + "; the limit is " + limits.maxCost());
        }
        if (total.resultElements() > limits.maxResultElements()) {
            throw GradientException.limitExceeded("gradient.limits.max-result-elements", "the response would hold "
                    + total.resultElements() + " numbers" + (batch ? " over " + points.size() + " points" : "")
                    + "; the limit is " + limits.maxResultElements());
        }
        if (total.largestTensor() > limits.maxElements()) {
            throw GradientException.limitExceeded("gradient.limits.max-elements", "the Jacobian would have "
                    + total.largestTensor() + " elements; the limit is " + limits.maxElements());
        }
        work.admit(total.elementOperations());
        RequestFacts.current().admitted(points.size());
    }

    /**
     * {@code f} applied to every point, in order. A large batch is spread over the common
     * fork-join pool: points are independent, and compiled functions and their derivative
     * graphs are safe to share between threads.
     */
    <T> List<T> map(Function<Point, T> f) {
        if (points.size() >= PARALLEL_BATCH) {
            return points.parallelStream().map(f).toList();
        }
        List<T> out = new ArrayList<>(points.size());
        for (Point point : points) {
            out.add(f.apply(point));
        }
        return out;
    }
}
