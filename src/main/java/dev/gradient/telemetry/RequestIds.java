package dev.gradient.telemetry;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request: the caller's {@code X-Request-Id} where it is a sane token, so that a
 * caller or a proxy can follow its request through the logs, else a new random UUID. A sane
 * token is 1 to {@value #MAX_LENGTH} letters, digits, {@code -}, {@code _}, {@code .} or
 * {@code :} (a UUID, a W3C trace id, most proxies' ids): nothing that could break a log line, a
 * header or a JSON text, and nothing long enough to bloat them.
 */
final class RequestIds {

    /** The request and response header. */
    static final String HEADER = "X-Request-Id";
    /** The longest id accepted from a caller. */
    static final int MAX_LENGTH = 128;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** {@code given} (the header's value, or {@code null}) where it is sane, else a new id. */
    static String of(String given) {
        // the length first: the pattern would scan a long hostile value before it failed
        if (given != null && given.length() <= MAX_LENGTH && SANE.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
