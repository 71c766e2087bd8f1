package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a request body or a JSON graph by hand, so that a value of the wrong
 * type is a 400 that names where it was and what was expected, as Moshi does: "expected a
 * string but was a number at /engine". Pointers are built with {@link Pointer}.
 */
public final class Json {

    private Json() {
    }

    /** A 400 saying that {@code what} was expected at {@code pointer}. */
    public static GradientException expected(String what, JsonNode actual, String pointer) {
        return expected(what, Values.describe(actual), pointer);
    }

    /** A 400 saying that {@code what} was expected at {@code pointer}, where {@code actual} describes what was there. */
    public static GradientException expected(String what, String actual, String pointer) {
        return GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected " + what + " but was " + actual + " at " + where(pointer), pointer);
    }

    /** A pointer as messages write it: the root is "the body". */
    public static String where(String pointer) {
        return pointer.isEmpty() ? "the top of the body" : pointer;
    }

    /** Checks that {@code node} is an object. */
    public static JsonNode object(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw expected("an object", node, pointer);
        }
        return node;
    }

    /** Checks that {@code node} is an array. */
    public static JsonNode array(JsonNode node, String pointer) {
        if (node == null || !node.isArray()) {
            throw expected("an array", node, pointer);
        }
        return node;
    }

    /** The string at {@code node}. */
    public static String string(JsonNode node, String pointer) {
        if (node == null || !node.isString()) {
            throw expected("a string", node, pointer);
        }
        return node.asString();
    }

    /** The strings of an array of strings. */
    public static List<String> strings(JsonNode node, String pointer) {
        array(node, pointer);
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(string(node.get(i), Pointer.child(pointer, i)));
        }
        return out;
    }

    /** Rejects fields of the object {@code body} that are not in {@code allowed}, so that typos do not pass silently. */
    public static void onlyFields(JsonNode body, Set<String> allowed, String pointer) {
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                throw unknownField(name, allowed, pointer);
            }
        }
    }

    /** The 400 for the field {@code name} of the object at {@code pointer}, which may have only the fields {@code allowed}. */
    public static GradientException unknownField(String name, Set<String> allowed, String pointer) {
        return GradientException.at(ErrorCode.MALFORMED_REQUEST, "Unknown field \"" + name + "\" at " + where(pointer) + " (expected "
                + String.join(", ", allowed.stream().sorted().toList()) + ")", Pointer.child(pointer, name));
    }
}
