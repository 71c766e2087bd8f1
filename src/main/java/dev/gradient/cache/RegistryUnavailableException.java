package dev.gradient.cache;

/**
 * Thrown by a {@link GraphRegistry} whose shared store cannot be reached, so that it can
 * neither confirm nor deny that an id is registered. Answered with 503
 * {@code REGISTRY_UNAVAILABLE}: the request may succeed when retried, and requests that name
 * their function inline do not need the registry at all.
 */
public final class RegistryUnavailableException extends RuntimeException {

    /** {@code message} says what could not be done; {@code cause} is the store's own failure. */
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
