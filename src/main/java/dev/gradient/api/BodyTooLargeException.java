package dev.gradient.api;

import java.io.IOException;

/**
 * Thrown by the request body stream once more bytes arrive than {@code gradient.limits.max-body-size}
 * allows. An {@link IOException} because it is raised inside a stream read; the problem handler
 * finds it among the causes of the read failure and answers 413.
 */
final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes (gradient.limits.max-body-size)");
        this.limit = limit;
    }

    /** The limit in bytes. */
    long limit() {
        return limit;
    }
}
