package dev.gradient.api;

import dev.gradient.cache.CompiledCache;
import dev.gradient.config.GradientLimits;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.Json;
import dev.gradient.parse.ReadValue;
import dev.gradient.parse.Values;
import dev.gradient.security.RateLimiter;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the body of an evaluation or derivative request, as {@link Body} holds it, into an
 * {@link Invocation}: checks its form, finds the function, takes the point or points, and
 * compiles the function for each point's shapes. Errors name the JSON Pointer where they are: 400 for the wrong form, 422
 * for names and shapes that do not fit the function, 413 for limits.
 */
@Component
final class Requests {

    /** The fields every evaluation and derivative request may have. */
    static final Set<String> COMMON_FIELDS = Set.of(
            Sources.EXPRESSION, Sources.GRAPH, Sources.GRAPH_ID, "at", "points", "engine");

    private final Sources sources;
    private final CompiledCache compiled;
    private final EngineRegistry engines;
    private final GradientLimits limits;
    private final RateLimiter rateLimiter;
    private final WorkInFlight work;
    private final JsonMapper json;

    Requests(Sources sources, CompiledCache compiled, EngineRegistry engines, GradientLimits limits,
            RateLimiter rateLimiter, WorkInFlight work, JsonMapper json) {
        this.json = json;
        this.sources = sources;
        this.work = work;
        this.rateLimiter = rateLimiter;
        this.compiled = compiled;
        this.engines = engines;
        this.limits = limits;
    }

    /** Whether {@code body} has the field {@code name} with a value other than {@code null}. */
    static boolean present(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null && !value.isNull();
    }

    /**
     * The request {@code body}, read by the streaming reader for the fields of its record (see
     * {@link Body}), ready to run: the function found and compiled for every point's shapes.
     * Checks run in this order, whatever the order of the body's fields: the body's form, which
     * of {@code at} and {@code points} it has, the batch's count (charged to the rate limit),
     * the function, then each point's inputs in input order.
     */
    Invocation prepare(Body<?> body) {
        body.checkFields();
        boolean batch = pointsField(body);
        Points points = batch ? body.points() : null;
        boolean columnar = batch && points.columnar();
        if (batch && !columnar) {
            if (!points.isList()) {
                throw Json.expected("an array of points or an object of columns (an array per input, its first axis over"
                        + " the points)", points.neither(), "/points");
            }
            checkCount(points.count());
        }
        ParsedGraph graph = sources.resolve(body);
        List<Point> read = new ArrayList<>();
        if (columnar) {
            read.addAll(columnarPoints(graph, points.columns()));
        } else if (batch) {
            for (int p = 0; p < points.count(); p++) {
                read.add(point(graph, points.point(p), Pointer.child("/points", p)));
            }
        } else {
            read.add(point(graph, body.values("at"), "/at"));
        }
        return new Invocation(graph, read, batch, columnar, engines, limits, work);
    }

    /**
     * The request given as a JSON tree, which may have the fields {@link #COMMON_FIELDS} and
     * {@code extraFields}, ready to run, as {@link #prepare(Body)} makes it: the tree is read
     * through its own token stream by the same reader. For callers that hold a tree already;
     * a controller should take a {@link Body} instead, so that no tree of its body is built.
     */
    Invocation prepare(JsonNode body, Set<String> extraFields) {
        return prepare(tree(body, extraFields));
    }

    /** The tree {@code body}, which may have the fields {@link #COMMON_FIELDS} and {@code extraFields}, as a {@link Body}. */
    Body<?> tree(JsonNode body, Set<String> extraFields) {
        Set<String> allowed = new java.util.HashSet<>(COMMON_FIELDS);
        allowed.addAll(extraFields);
        try (JsonParser parser = json.treeAsTokens(body)) {
            return BodyReader.read(parser, RequestForm.named(allowed), limits);
        }
    }

    /** Checks the number of points of a batch and charges the rate limit for them, before any point is compiled. */
    private void checkCount(int points) {
        if (points == 0) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected at least one point at /points", "/points");
        }
        if (points > limits.maxPoints()) {
            throw GradientException.limitExceeded("gradient.limits.max-points",
                    "the batch has " + points + " points; the limit is " + limits.maxPoints());
        }
        // a batch costs by its points
        rateLimiter.chargeBatch(points);
    }

    /** Whether the request is a batch ({@code points}) rather than one point ({@code at}). */
    private static boolean pointsField(Body<?> body) {
        boolean at = body.present("at");
        boolean points = body.present("points");
        if (at == points) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, at
                    ? "Expected either 'at' (one point) or 'points' (a batch) but got both"
                    : "No point given: expected 'at' (an object mapping every input's name to its value) or 'points' (an array of such objects)",
                    at ? "/points" : "");
        }
        return points;
    }

    private Point point(ParsedGraph parsed, NamedValues at, String pointer) {
        Tensor[] values = inputValues(parsed.graph(), at, pointer);
        Shape[] shapes = new Shape[values.length];
        for (int i = 0; i < values.length; i++) {
            shapes[i] = values[i].shape();
            checkDeclared(parsed.graph(), i, shapes[i], Pointer.child(pointer, parsed.graph().inputNames().get(i)), "");
        }
        Compiled function = compile(parsed, shapes, pointer);
        return new Point(pointer, function, inOrder(function, parsed.graph().inputNames(), values));
    }

    /**
     * The points of a columnar batch: {@code columns} maps every input to one array whose first
     * axis runs over the points, the same number for every input. Each array may hold a point's
     * worth of elements per point; the points share their shapes, so they share one compiled
     * function.
     */
    private List<Point> columnarPoints(ParsedGraph parsed, NamedValues columns) {
        Graph graph = parsed.graph();
        List<String> names = graph.inputNames();
        if (names.isEmpty()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "A columnar batch counts its points by its inputs' arrays,"
                    + " and this function has no inputs: give 'points' as an array of (empty) points", "/points");
        }
        // read within the element limit times the point limit (see Points)
        Tensor[] values = inputValues(graph, columns, "/points");
        int count = -1;
        Shape[] shapes = new Shape[values.length];
        for (int i = 0; i < values.length; i++) {
            String where = Pointer.child("/points", names.get(i));
            if (values[i].shape().isScalar()) {
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array whose first axis runs over the points"
                        + " but was a scalar at " + where, where);
            }
            int points = values[i].shape().dim(0);
            if (count >= 0 && points != count) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "the array at " + where + " holds " + points + " points but"
                        + " the one at " + Pointer.child("/points", names.get(0)) + " holds " + count + "; every input's array"
                        + " needs one entry per point along its first axis", Origin.at(where));
            }
            count = points;
            shapes[i] = Columns.perPoint(values[i].shape());
            if (shapes[i].size() > limits.maxElements()) {
                throw GradientException.limitExceeded("gradient.limits.max-elements", "each point of the array at " + where
                        + " has " + shapes[i].size() + " elements; the limit is " + limits.maxElements());
            }
            checkDeclared(graph, i, shapes[i], where, " per point");
        }
        checkCount(count);
        Compiled function = compile(parsed, shapes, "/points");
        List<Point> points = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            Tensor[] point = new Tensor[values.length];
            for (int i = 0; i < values.length; i++) {
                point[i] = Columns.point(values[i], p);
            }
            points.add(new Point("/points", function, inOrder(function, names, point)));
        }
        return points;
    }

    /**
     * The value of every input of {@code graph}, in input order, from the object at
     * {@code pointer}, which must name each input and nothing else.
     */
    private static Tensor[] inputValues(Graph graph, NamedValues object, String pointer) {
        object.requireObject(pointer);
        List<String> names = graph.inputNames();
        Map<String, Integer> known = graph.inputIndex();
        for (String name : object.names()) {
            if (!known.containsKey(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its inputs are "
                        + Invocation.abbreviated(names), Origin.at(Pointer.child(pointer, name)));
            }
        }
        Tensor[] values = new Tensor[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ReadValue value = object.get(names.get(i));
            if (value == null) {
                throw new GradientException(ErrorCode.MISSING_INPUT, "no value for the input '" + names.get(i) + "' at " + pointer
                        + "; every input needs one: " + Invocation.abbreviated(names), Origin.at(pointer));
            }
            values[i] = value.get();
        }
        return values;
    }

    /** Checks the shape of the value at {@code where} for input {@code i} against the shape the graph declares for it, if any. */
    private static void checkDeclared(Graph graph, int i, Shape shape, String where, String perPoint) {
        Shape declared = graph.input(i).declaredShape();
        if (declared != null && !declared.equals(shape)) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "the input '" + graph.inputNames().get(i) + "' is declared with"
                    + " shape " + declared + " but its value at " + where + " has shape " + shape + perPoint, Origin.at(where));
        }
    }

    /** {@code values}, in the order of {@code names}, rearranged into the compiled function's argument order (which may differ). */
    private static Tensor[] inOrder(Compiled function, List<String> names, Tensor[] values) {
        Map<String, Integer> order = function.inputIndex();
        Tensor[] arguments = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            arguments[order.get(names.get(i))] = values[i];
        }
        return arguments;
    }

    /** A value given in the request (nested arrays or a binary array), checked against the element limit as it is read. */
    Tensor value(JsonNode json, String pointer) {
        return Values.fromJson(json, pointer, limits.arrayLimits());
    }

    private Compiled compile(ParsedGraph graph, Shape[] shapes, String pointer) {
        try {
            return compiled.get(graph, shapes);
        } catch (GradientException e) {
            if (e.origin() == null) {
                throw e; // a limit, which says nothing about the point
            }
            // the node is named by its origin; say which point's shapes made it fail
            throw e.withMessage(e.getMessage() + " (for the values at " + pointer + ")");
        }
    }
}
