package dev.gradient.api;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.parse.GraphReader;
import dev.gradient.parse.Json;
import dev.gradient.parse.Scalar;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A request body as the streaming reader ({@link BodyReader}) left it, for the request that the
 * record {@code R} of {@link RequestSchemas} describes: the way a controller reads its request.
 * Declare the handler's parameter as {@code @RequestBody Body<RequestSchemas.GradientRequest>},
 * hand it to {@link Requests#prepare(Body)} for the function and its points, and ask it for the
 * rest: {@link #get} for small fields (names, numbers, as JSON trees), {@link #values} for named
 * values such as {@code tangent}. Nothing here is checked until asked, so that a request's
 * errors come in the order its checks run whatever the order of its fields; a field whose value
 * is {@code null} is absent, as it always was.
 *
 * @param <R> the record that describes the request, which the reader takes its fields from
 */
final class Body<R> {

    private final RequestForm form;
    private final String notAnObject;
    private final Map<String, Object> fields;
    private final Map<String, Boolean> unknown;

    private Body(RequestForm form, String notAnObject, Map<String, Object> fields, Map<String, Boolean> unknown) {
        this.form = form;
        this.notAnObject = notAnObject;
        this.fields = fields;
        this.unknown = unknown;
    }

    /** A body that was not an object: {@code what} says what it was. */
    static <R> Body<R> notAnObject(RequestForm form, String what) {
        return new Body<>(form, what, Map.of(), Map.of());
    }

    /** A body that was an object: its known fields' values by name, and its unknown fields with whether each had a value. */
    static <R> Body<R> of(RequestForm form, LinkedHashMap<String, Object> fields, LinkedHashMap<String, Boolean> unknown) {
        return new Body<>(form, null, fields, unknown);
    }

    /** The fields this request may have. */
    RequestForm form() {
        return form;
    }

    /** Checks that the body is an object with no field but its form's. */
    void checkFields() {
        if (notAnObject != null) {
            throw Json.expected("an object", notAnObject, "");
        }
        if (!unknown.isEmpty()) {
            throw Json.unknownField(unknown.keySet().iterator().next(), form.names(), "");
        }
    }

    /** Whether the body is an object. */
    boolean isObject() {
        return notAnObject == null;
    }

    /** Whether the body has the field {@code name} (known to the form or not) with a value other than {@code null}. */
    boolean present(String name) {
        return fields.containsKey(name) || unknown.getOrDefault(name, false);
    }

    /** The small field {@code name} as a JSON tree; {@code null} where absent. */
    JsonNode get(String name) {
        return (JsonNode) typed(name, FieldKind.SMALL);
    }

    /** The named values {@code name}; {@code null} where absent. */
    NamedValues values(String name) {
        return (NamedValues) typed(name, FieldKind.NAMED_VALUES);
    }

    /** The batch; {@code null} where absent. */
    Points points() {
        return (Points) typed("points", FieldKind.POINTS);
    }

    /** The graph at {@code pointer}, which must be an object; {@code null} where absent. */
    GraphReader.Source graph(String pointer) {
        Object graph = typed(Sources.GRAPH, FieldKind.GRAPH);
        if (graph instanceof Scalar other) {
            throw Json.expected("an object", other.description(), pointer);
        }
        return (GraphReader.Source) graph;
    }

    /** The 400 for a request that lacks the required field {@code name}. */
    static GradientException missing(String name) {
        return GradientException.at(ErrorCode.MALFORMED_REQUEST, "Missing the field '" + name + "'", "");
    }

    private Object typed(String name, FieldKind kind) {
        if (form.kind(name) != kind) {
            throw new IllegalStateException("the field '" + name + "' is not read as " + kind + " in " + form.names());
        }
        return fields.get(name);
    }
}
