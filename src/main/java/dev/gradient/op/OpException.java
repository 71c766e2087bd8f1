package dev.gradient.op;

/**
 * Thrown when an op cannot be applied to arguments of the given shapes or attributes. The
 * message says what was wrong and what was expected; the caller adds which node it was.
 */
public class OpException extends RuntimeException {

    private final String code;

    /** A shape mismatch. */
    public OpException(String message) {
        this("SHAPE_MISMATCH", message);
    }

    /** A problem with a stable error code, such as {@code BAD_ATTRS}. */
    public OpException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The stable, machine-readable error code. */
    public String code() {
        return code;
    }
}
