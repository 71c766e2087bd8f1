package dev.gradient.telemetry;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the one line per request: a message a person can read, and the request's facts as
 * key-value pairs, which Spring Boot's structured logging ({@code logging.structured.format.console})
 * turns into JSON members; the request id is in the MDC, as it is for every other line logged
 * while the request runs. The names follow the Elastic Common Schema where it has one
 * ({@code http.request.id}, {@code http.request.method}, {@code url.path},
 * {@code http.response.status_code}, {@code event.duration} in nanoseconds) and are under
 * {@code gradient.} otherwise.
 *
 * <p>Requests to the actuator (probes, scrapes) are logged at DEBUG, so that a health check
 * every few seconds does not drown the API's lines; a 5xx is a WARN, everything else INFO. The
 * logger is this class's: set its level to WARN to keep only the failures.
 */
final class RequestLog {

    /** The MDC key of the request id. */
    static final String REQUEST_ID = "http.request.id";

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final String ACTUATOR = "/actuator";

    /** Logs the request {@code method} {@code path}, answered by {@code endpoint} (or none) with {@code status}. */
    void write(String method, String path, String endpoint, int status, long nanos, RequestFacts facts, long now) {
        Level level = status >= 500 ? Level.WARN : path.startsWith(ACTUATOR) ? Level.DEBUG : Level.INFO;
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        StringBuilder message = new StringBuilder(64).append(method).append(' ').append(path).append(' ').append(status)
                .append(" in ").append(millis(nanos)).append(" ms");
        LoggingEventBuilder line = log.atLevel(level)
                .addKeyValue("http.request.method", method)
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration", nanos);
        if (endpoint != null) {
            line.addKeyValue("gradient.endpoint", endpoint);
        }
        if (facts.tenant() != null) {
            line.addKeyValue("gradient.tenant", facts.tenant());
            message.append(" for ").append(facts.tenant());
        }
        if (facts.admitted()) {
            long engineNanos = facts.computeNanos(now);
            // to the microsecond: finer would be noise
            line.addKeyValue("gradient.points", facts.points()).addKeyValue("gradient.engine_ms", Math.round(engineNanos / 1e3) / 1e3);
            message.append(" (").append(facts.points()).append(facts.points() == 1 ? " point" : " points");
            if (facts.engine() != null) {
                line.addKeyValue("gradient.engine", facts.engine());
                message.append(", ").append(facts.engine());
            }
            message.append(" engine ").append(millis(engineNanos)).append(" ms)");
        }
        line.setMessage(message.toString()).log();
    }

    /** Nanoseconds as milliseconds, to the microsecond. */
    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
