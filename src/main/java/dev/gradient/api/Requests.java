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
import dev.gradient.parse.Values;
import dev.gradient.security.RateLimiter;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns the body of an evaluation or derivative request into an {@link Invocation}: checks its
 * form, finds the function, reads the point or points, and compiles the function for each
 * point's shapes. Errors name the JSON Pointer where they are: 400 for the wrong form, 422
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

    Requests(Sources sources, CompiledCache compiled, EngineRegistry engines, GradientLimits limits,
            RateLimiter rateLimiter, WorkInFlight work) {
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

    /** The request {@code body}, which may have the fields {@link #COMMON_FIELDS} and {@code extraFields}, ready to run. */
    Invocation prepare(JsonNode body, Set<String> extraFields) {
        Json.object(body, "");
        Set<String> allowed = new java.util.HashSet<>(COMMON_FIELDS);
        allowed.addAll(extraFields);
        Json.onlyFields(body, allowed, "");
        boolean batch = pointsField(body);
        JsonNode points = batch ? body.get("points") : null;
        if (batch) {
            Json.array(points, "/points");
            if (points.isEmpty()) {
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected at least one point at /points", "/points");
            }
            if (points.size() > limits.maxPoints()) {
                throw GradientException.limitExceeded("gradient.limits.max-points",
                        "the batch has " + points.size() + " points; the limit is " + limits.maxPoints());
            }
            // a batch costs by its points; charged before any point is read or compiled
            rateLimiter.chargeBatch(points.size());
        }
        ParsedGraph graph = sources.resolve(body);
        List<Point> read = new ArrayList<>();
        if (batch) {
            for (int p = 0; p < points.size(); p++) {
                read.add(point(graph, points.get(p), Pointer.child("/points", p)));
            }
        } else {
            read.add(point(graph, body.get("at"), "/at"));
        }
        return new Invocation(graph, read, batch, engines, limits, work);
    }

    /** Whether the request is a batch ({@code points}) rather than one point ({@code at}). */
    private static boolean pointsField(JsonNode body) {
        boolean at = present(body, "at");
        boolean points = present(body, "points");
        if (at == points) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, at
                    ? "Expected either 'at' (one point) or 'points' (a batch) but got both"
                    : "No point given: expected 'at' (an object mapping every input's name to its value) or 'points' (an array of such objects)",
                    at ? "/points" : "");
        }
        return points;
    }

    private Point point(ParsedGraph parsed, JsonNode at, String pointer) {
        Json.object(at, pointer);
        Graph graph = parsed.graph();
        List<String> names = graph.inputNames();
        Map<String, Integer> known = graph.inputIndex();
        for (String name : at.propertyNames()) {
            if (!known.containsKey(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its inputs are "
                        + Invocation.abbreviated(names), Origin.at(Pointer.child(pointer, name)));
            }
        }
        Tensor[] values = new Tensor[names.size()];
        Shape[] shapes = new Shape[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String where = Pointer.child(pointer, name);
            JsonNode value = at.get(name);
            if (value == null) {
                throw new GradientException(ErrorCode.MISSING_INPUT, "no value for the input '" + name + "' at " + pointer
                        + "; every input needs one: " + Invocation.abbreviated(names), Origin.at(pointer));
            }
            values[i] = value(value, where);
            Shape declared = graph.input(i).declaredShape();
            if (declared != null && !declared.equals(values[i].shape())) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "the input '" + name + "' is declared with shape " + declared
                        + " but its value at " + where + " has shape " + values[i].shape(), Origin.at(where));
            }
            shapes[i] = values[i].shape();
        }
        Compiled function = compile(parsed, shapes, pointer);
        // the compiled graph may order its inputs differently from the graph's input order
        Map<String, Integer> order = function.inputIndex();
        Tensor[] arguments = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            arguments[order.get(names.get(i))] = values[i];
        }
        return new Point(pointer, function, arguments);
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
