package dev.gradient.api;

import dev.gradient.error.Pointer;
import dev.gradient.parse.ArrayLimits;
import dev.gradient.parse.Json;
import dev.gradient.parse.ReadValue;
import dev.gradient.parse.Scalar;
import dev.gradient.parse.ValueReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * An object of values by name as the streaming reader read it ({@code at}, one point of
 * {@code points}, the columns of a columnar batch, {@code tangent}, {@code cotangent}): each
 * value read into doubles, or its fault kept for when the request's checks reach it. Names keep
 * the body's order; a name given twice keeps its first place and its last value, as a JSON
 * tree does. Where the body had something other than an object, only what it was is kept.
 */
final class NamedValues {

    private final Map<String, ReadValue> values;
    private final String notAnObject;

    private NamedValues(Map<String, ReadValue> values, String notAnObject) {
        this.values = values;
        this.notAnObject = notAnObject;
    }

    /** The value whose first token, {@code token}, is {@code parser}'s current one, at {@code pointer}; consumes it. */
    static NamedValues read(JsonParser parser, JsonToken token, String pointer, ArrayLimits limits) {
        if (token != JsonToken.START_OBJECT) {
            return new NamedValues(Map.of(), Scalar.of(parser, token).description());
        }
        Map<String, ReadValue> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, ValueReader.read(parser, Pointer.child(pointer, name), limits));
        }
        return new NamedValues(values, null);
    }

    /** Checks that the body had an object here, at {@code pointer}. */
    NamedValues requireObject(String pointer) {
        if (notAnObject != null) {
            throw Json.expected("an object", notAnObject, pointer);
        }
        return this;
    }

    /** The names, in the body's order. */
    List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The value named {@code name}, {@code null} where there is none. */
    ReadValue get(String name) {
        return values.get(name);
    }
}
