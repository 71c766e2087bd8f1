package dev.gradient.graph;

/**
 * Where in a request a node came from, so that an error about the node can point there:
 * a JSON Pointer into the request and, for nodes parsed from an expression, the character
 * position (0-based) in that expression, or -1.
 */
public record Origin(String pointer, int position) {

    /** No known origin. */
    public static final Origin UNKNOWN = new Origin("", -1);

    /** The node at a JSON pointer, not inside an expression. */
    public static Origin at(String pointer) {
        return new Origin(pointer, -1);
    }
}
