package dev.gradient.error;

/**
 * Thrown when a request would pass one of the service's limits; raised before the work that
 * the limit guards, and answered with 413.
 */
public class LimitExceededException extends RuntimeException {

    private final String limit;

    /** {@code limit} names the configuration property; the message says by how much. */
    public LimitExceededException(String limit, String message) {
        super(message, null, false, false);
        this.limit = limit;
    }

    /** The name of the limit's configuration property, such as {@code gradient.limits.max-nodes}. */
    public String limit() {
        return limit;
    }
}
