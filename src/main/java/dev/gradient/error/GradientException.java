package dev.gradient.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception for every error that the service answers with a problem: its
 * {@link ErrorCode} fixes the status, type and title; the message says what was wrong and what
 * was expected. Where they apply it also carries the {@link Origin} in the request (answered as
 * {@code errors[].pointer} and {@code position}), the configuration property of a passed limit,
 * the seconds after which a retry may succeed, and any further members that the problem body
 * should carry (such as a quota's use).
 *
 * <p>Immutable. A client's mistake has no stack trace (hostile input must be cheap to refuse);
 * only one that wraps the failure of something else, such as Redis, keeps it.
 */
public final class GradientException extends RuntimeException {

    private final ErrorCode code;
    private final Origin origin;
    private final String limit;
    private final long retryAfterSeconds;
    private final Map<String, Object> members;

    private GradientException(ErrorCode code, String message, Origin origin, String limit, long retryAfterSeconds,
            Throwable cause) {
        this(code, message, origin, limit, retryAfterSeconds, cause, Map.of());
    }

    private GradientException(ErrorCode code, String message, Origin origin, String limit, long retryAfterSeconds,
            Throwable cause, Map<String, Object> members) {
        super(message, cause, false, cause != null);
        this.code = Objects.requireNonNull(code, "code");
        this.origin = origin;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
        this.members = members;
    }

    /** A problem with no place in the request. */
    public GradientException(ErrorCode code, String message) {
        this(code, message, null, null, 0, null);
    }

    /** A problem at {@code origin} in the request. */
    public GradientException(ErrorCode code, String message, Origin origin) {
        this(code, message, Objects.requireNonNull(origin, "origin"), null, 0, null);
    }

    /** A problem at the JSON Pointer {@code pointer}, not inside an expression. */
    public static GradientException at(ErrorCode code, String message, String pointer) {
        return new GradientException(code, message, Origin.at(pointer));
    }

    /** A {@link ErrorCode#LIMIT_EXCEEDED}: {@code limit} names the configuration property, the message by how much. */
    public static GradientException limitExceeded(String limit, String message) {
        return new GradientException(ErrorCode.LIMIT_EXCEEDED, message, null, Objects.requireNonNull(limit, "limit"), 0,
                null);
    }

    /** A problem that may go away by itself: the client may retry after {@code seconds} (at least one). */
    public static GradientException retryAfter(ErrorCode code, String message, long seconds) {
        return new GradientException(code, message, null, null, Math.max(1, seconds), null);
    }

    /** A problem caused by the failure of something else, such as the store behind the registry. */
    public static GradientException causedBy(ErrorCode code, String message, Throwable cause) {
        return new GradientException(code, message, null, null, 0, Objects.requireNonNull(cause, "cause"));
    }

    /** The same problem told with another message, such as the message with what led to it. */
    public GradientException withMessage(String message) {
        return new GradientException(code, message, origin, limit, retryAfterSeconds, getCause(), members);
    }

    /** The same problem at {@code origin}, with {@code message}: an error found inside a part, placed where that part was written. */
    public GradientException locatedAt(Origin origin, String message) {
        return new GradientException(code, message, Objects.requireNonNull(origin, "origin"), limit, retryAfterSeconds,
                getCause(), members);
    }

    /**
     * The same problem, whose body also has the member {@code name} with {@code value} (a string,
     * number or boolean), such as a quota's use next to its {@link #limit}.
     */
    public GradientException withMember(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new GradientException(code, getMessage(), origin, limit, retryAfterSeconds, getCause(),
                Collections.unmodifiableMap(more));
    }

    /** The stable code. */
    public ErrorCode code() {
        return code;
    }

    /** Where in the request the problem is, or {@code null} where it has no place there. */
    public Origin origin() {
        return origin;
    }

    /** For {@link ErrorCode#LIMIT_EXCEEDED}: the limit's configuration property; else {@code null}. */
    public String limit() {
        return limit;
    }

    /** Whole seconds after which a retry may succeed, or 0 where the problem says nothing about retrying. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The further members of the problem body, in the order they were added; empty for most problems. */
    public Map<String, Object> members() {
        return members;
    }
}
