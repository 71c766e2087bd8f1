package dev.gradient.parse;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A field's value where a string (or nothing big) is expected, as the streaming reader met it:
 * the text of a string, or else only what the value was, for the message that refuses it. An
 * array or object met there is skipped, never built.
 */
public final class Scalar {

    private final String text;
    private final String description;

    private Scalar(String text, String description) {
        this.text = text;
        this.description = description;
    }

    /** The value whose first token, {@code token}, is {@code parser}'s current one; consumes the whole value. */
    public static Scalar of(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return new Scalar(parser.getString(), null);
        }
        String description = Values.describe(parser, token);
        parser.skipChildren();
        return new Scalar(null, description);
    }

    /** Whether the value was a string. */
    public boolean isString() {
        return text != null;
    }

    /** The string; a 400 saying that {@code what} was expected at {@code pointer} where it was something else. */
    public String string(String what, String pointer) {
        if (text == null) {
            throw Json.expected(what, description, pointer);
        }
        return text;
    }

    /** A few words on what the value was, as {@link Values#describe} gives them. */
    public String description() {
        return text == null ? description : Values.describeString(text);
    }
}
