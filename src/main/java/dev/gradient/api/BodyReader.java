package dev.gradient.api;

import dev.gradient.config.GradientLimits;
import dev.gradient.error.Pointer;
import dev.gradient.parse.GraphReader;
import dev.gradient.parse.Scalar;
import java.util.LinkedHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * Reads a request body from a token stream (JSON or CBOR, or a tree's own stream) into a
 * {@link Body}, driven by the request's {@link RequestForm}: named values and batches go straight
 * into doubles (numbers and base64 alike), a graph into a tree whose constants are doubles,
 * small fields into small trees; fields the form does not know are skipped, not built, and
 * remembered for the error. No tree of the whole body is ever built. Limits on a value are
 * applied as it is read (see {@link dev.gradient.parse.ValueReader}); the count of a batch's
 * points stops their reading at the point limit.
 */
final class BodyReader {

    private BodyReader() {
    }

    /** The body that {@code parser} (not yet advanced) holds, read by {@code form} within {@code limits}. */
    static <R> Body<R> read(JsonParser parser, RequestForm form, GradientLimits limits) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            Body<R> body = Body.notAnObject(form, Scalar.of(parser, first).description());
            requireEnd(parser);
            return body;
        }
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        LinkedHashMap<String, Boolean> unknown = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            FieldKind kind = form.kind(name);
            if (kind == null) {
                unknown.merge(name, token != JsonToken.VALUE_NULL, (was, now) -> now);
                parser.skipChildren();
            } else if (token == JsonToken.VALUE_NULL) {
                fields.remove(name); // a null is an absent field; the last of two given wins, as in a tree
            } else {
                fields.put(name, field(parser, token, name, kind, limits));
            }
        }
        requireEnd(parser);
        return Body.of(form, fields, unknown);
    }

    private static Object field(JsonParser parser, JsonToken token, String name, FieldKind kind, GradientLimits limits) {
        String pointer = Pointer.child(Pointer.ROOT, name);
        return switch (kind) {
            case SMALL -> parser.readValueAsTree();
            case NAMED_VALUES -> NamedValues.read(parser, token, pointer, limits.arrayLimits());
            case POINTS -> Points.read(parser, token, limits.arrayLimits(), limits.maxPoints());
            case GRAPH -> token == JsonToken.START_OBJECT ? GraphReader.read(parser, pointer, limits.arrayLimits())
                    : Scalar.of(parser, token);
        };
    }

    /** Refuses anything after the body's one value, as reading it into a tree did. */
    private static void requireEnd(JsonParser parser) {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new StreamReadException(parser, "Trailing token (of type " + trailing + ") found after value");
        }
    }
}
