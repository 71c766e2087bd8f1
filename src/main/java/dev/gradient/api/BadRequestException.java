package dev.gradient.api;

/**
 * Thrown when a request body is JSON but not of the contract's form: a missing or misspelled
 * field, a value of the wrong JSON type. Answered with 400, pointing at the offending field.
 */
final class BadRequestException extends RuntimeException {

    private final String pointer;

    /** {@code pointer} is the JSON Pointer into the request where the problem is ({@code ""}: the whole body). */
    BadRequestException(String message, String pointer) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    /** The JSON Pointer into the request. */
    String pointer() {
        return pointer;
    }
}
