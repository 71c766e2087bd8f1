package dev.gradient.security;

/** Thrown when a client's bucket has too few tokens; answered with 429 {@code RATE_LIMITED} and {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    /** The client may retry after {@code retryAfterSeconds} (at least one). */
    RateLimitedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds until the bucket holds enough tokens again, rounded up. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
