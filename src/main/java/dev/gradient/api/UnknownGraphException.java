package dev.gradient.api;

/** Thrown when a {@code graphId} names no registered graph; answered with 404 {@code UNKNOWN_GRAPH}. */
final class UnknownGraphException extends RuntimeException {

    private final String pointer;

    /** {@code pointer} is where the id was given: {@code "/graphId"} in a body, or {@code ""} for a path. */
    UnknownGraphException(String id, String pointer) {
        super("no graph has the id '" + id + "'; POST /graphs registers one", null, false, false);
        this.pointer = pointer;
    }

    /** Where the id was given. */
    String pointer() {
        return pointer;
    }
}
