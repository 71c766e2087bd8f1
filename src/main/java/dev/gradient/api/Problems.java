package dev.gradient.api;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.telemetry.RequestFacts;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem details that every error is answered with: {@code type},
 * {@code title}, {@code status} and {@code detail}, a stable {@code code} (all but the detail
 * fixed by the {@link ErrorCode}), and where they apply {@code errors: [{pointer, message}]},
 * an expression's character {@code position} and a passed limit's property, and the
 * {@code requestId} of the request that failed (its {@code X-Request-Id}), to find its log lines.
 */
final class Problems {

    /** The codes of the framework's own errors, by status; any other 5xx is an internal error. */
    private static final Map<Integer, ErrorCode> FRAMEWORK = Map.of(
            400, ErrorCode.MALFORMED_REQUEST,
            401, ErrorCode.UNAUTHORIZED,
            404, ErrorCode.NOT_FOUND,
            405, ErrorCode.METHOD_NOT_ALLOWED,
            406, ErrorCode.NOT_ACCEPTABLE,
            413, ErrorCode.LIMIT_EXCEEDED,
            415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            429, ErrorCode.RATE_LIMITED);

    private Problems() {
    }

    /** The problem that {@code e} is answered with. */
    static ProblemDetail of(GradientException e) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(e.code().status()), e.code(), e.getMessage());
        Origin origin = e.origin();
        if (origin != null) {
            problem.setProperty("errors", List.of(Map.of("pointer", origin.pointer(), "message", e.getMessage())));
            if (origin.position() >= 0) {
                problem.setProperty("position", origin.position());
            }
        }
        if (e.limit() != null) {
            problem.setProperty("limit", e.limit());
        }
        e.members().forEach(problem::setProperty); // such as a quota's use, next to its limit
        return problem;
    }

    /** A problem with the code {@code code}, answered with {@code status}: the code's own, or a framework error's. */
    static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
        return of(status, code.name(), code.type(), code.title(), detail);
    }

    /** A problem that the framework raised, coded by its status. */
    static ProblemDetail ofFramework(HttpStatusCode status, String detail) {
        ErrorCode code = FRAMEWORK.get(status.value());
        if (code == null && status.is5xxServerError()) {
            code = ErrorCode.INTERNAL_ERROR;
        }
        if (code != null) {
            return of(status, code, detail);
        }
        // a status that no path of this service raises today; still a stable code rather than none
        return of(status, "HTTP_" + status.value(), ErrorCode.TYPE_PREFIX + "http-" + status.value(), "Http " + status.value(),
                detail);
    }

    private static ProblemDetail of(HttpStatusCode status, String code, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        problem.setProperty("code", code);
        String requestId = RequestFacts.current().id();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
