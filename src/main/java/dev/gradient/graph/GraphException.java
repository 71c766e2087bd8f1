package dev.gradient.graph;

import dev.gradient.error.Origin;

/**
 * Thrown when a graph or expression is well-formed JSON but does not make sense: an unknown
 * op or name, a cycle, a syntax error, shapes that do not fit. Answered with 422, pointing at
 * the offending node or character.
 */
public class GraphException extends RuntimeException {

    private final String code;
    private final Origin origin;

    /** {@code code} is the stable error code, such as {@code UNKNOWN_OP}; {@code origin} where it happened. */
    public GraphException(String code, String message, Origin origin) {
        super(message, null, false, false);
        this.code = code;
        this.origin = origin;
    }

    /** The stable, machine-readable error code. */
    public String code() {
        return code;
    }

    /** Where in the request it happened. */
    public Origin origin() {
        return origin;
    }
}
