package dev.gradient.parse;

/**
 * Thrown when a request is not of the contract's form: a value of the wrong JSON type, a
 * ragged array, a missing field. Answered with 400, pointing at the offending spot.
 */
public class MalformedRequestException extends RuntimeException {

    private final String pointer;

    /** {@code pointer} is a JSON Pointer into the request, such as {@code /at/x/1}. */
    public MalformedRequestException(String message, String pointer) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    /** Where in the request it happened. */
    public String pointer() {
        return pointer;
    }
}
