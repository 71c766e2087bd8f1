package dev.gradient.error;

/**
 * Where in a request something was written (a node, a field, a value), so that an error about
 * it can point there: a JSON Pointer into the request and, inside an expression, the
 * character position (0-based) in that expression, or -1. Graphs keep one per node.
 */
public record Origin(String pointer, int position) {

    /** No known origin. */
    public static final Origin UNKNOWN = new Origin("", -1);

    /** The node at a JSON pointer, not inside an expression. */
    public static Origin at(String pointer) {
        return new Origin(pointer, -1);
    }
}
