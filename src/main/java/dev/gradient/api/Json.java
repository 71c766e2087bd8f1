package dev.gradient.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.gradient.parse.Values;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a request body by hand, so that a value of the wrong type is a 400 that
 * names where it was and what was expected, as Moshi does: "expected a string but was a
 * number at /engine".
 */
final class Json {

    private Json() {
    }

    /** Escapes a name for use as one JSON Pointer token (RFC 6901). */
    static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** {@code pointer} extended by the field or element {@code name}. */
    static String child(String pointer, String name) {
        return pointer + "/" + token(name);
    }

    /** {@code pointer} extended by the array element {@code index}. */
    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** A 400 saying that {@code what} was expected at {@code pointer}. */
    static BadRequestException expected(String what, JsonNode actual, String pointer) {
        return new BadRequestException("Expected " + what + " but was " + Values.describe(actual) + " at " + where(pointer), pointer);
    }

    /** A pointer as messages write it: the root is "the body". */
    static String where(String pointer) {
        return pointer.isEmpty() ? "the top of the body" : pointer;
    }

    /** Checks that {@code node} is an object. */
    static JsonNode object(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw expected("an object", node, pointer);
        }
        return node;
    }

    /** Checks that {@code node} is an array. */
    static JsonNode array(JsonNode node, String pointer) {
        if (node == null || !node.isArray()) {
            throw expected("an array", node, pointer);
        }
        return node;
    }

    /** The string at {@code node}. */
    static String string(JsonNode node, String pointer) {
        if (node == null || !node.isString()) {
            throw expected("a string", node, pointer);
        }
        return node.asString();
    }

    /** The strings of an array of strings. */
    static List<String> strings(JsonNode node, String pointer) {
        array(node, pointer);
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(string(node.get(i), child(pointer, i)));
        }
        return out;
    }

    /** Rejects fields of the object {@code body} that are not in {@code allowed}, so that typos do not pass silently. */
    static void onlyFields(JsonNode body, Set<String> allowed, String pointer) {
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new BadRequestException("Unknown field \"" + name + "\" at " + where(pointer) + " (expected "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")", child(pointer, name));
            }
        }
    }
}
