package dev.gradient.api;

import dev.gradient.cache.RegistryUnavailableException;
import dev.gradient.error.LimitExceededException;
import dev.gradient.error.Origin;
import dev.gradient.graph.GraphException;
import dev.gradient.op.OpException;
import dev.gradient.parse.MalformedRequestException;
import dev.gradient.security.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one place where exceptions become responses: RFC 9457 problem details
 * ({@code application/problem+json}) with a stable {@code code}, and a JSON Pointer and
 * expression position where they apply. The framework's own errors (unknown path, wrong
 * method, unsupported media type, unreadable body) get the same form through
 * {@link ResponseEntityExceptionHandler}.
 *
 * <p>A 500 is only the last resort for a bug: it is logged with its stack trace, and tests
 * check that hostile input never reaches it.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** About how long a Redis restart or failover takes. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(GraphException.class)
    ResponseEntity<Object> graph(GraphException e) {
        Origin origin = e.origin() == null ? Origin.UNKNOWN : e.origin();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage());
        return respond(Problems.at(problem, origin.pointer(), e.getMessage(), origin.position()));
    }

    /**
     * An op that cannot be applied, raised outside the graph compiler (which names the node):
     * still a function that does not make sense, so a 422 with the op's code, without a pointer.
     */
    @ExceptionHandler(OpException.class)
    ResponseEntity<Object> op(OpException e) {
        return respond(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage()));
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return respond(Problems.at(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, e.getMessage()),
                e.pointer(), e.getMessage(), -1));
    }

    @ExceptionHandler(MalformedRequestException.class)
    ResponseEntity<Object> malformed(MalformedRequestException e) {
        return respond(Problems.at(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, e.getMessage()),
                e.pointer(), e.getMessage(), -1));
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<Object> limit(LimitExceededException e) {
        return respond(limitProblem(e.limit(), e.getMessage()));
    }

    @ExceptionHandler(UnknownGraphException.class)
    ResponseEntity<Object> unknownGraph(UnknownGraphException e) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, Problems.UNKNOWN_GRAPH, e.getMessage());
        return respond(Problems.at(problem, e.pointer().isEmpty() ? null : e.pointer(), e.getMessage(), -1));
    }

    /**
     * The shared registry cannot be reached: a 503 that invites a retry, never a 500, since
     * the service works and the same request may succeed in a moment.
     */
    @ExceptionHandler(RegistryUnavailableException.class)
    ResponseEntity<Object> registryUnavailable(RegistryUnavailableException e) {
        log.warn("graph registry unavailable: {}", e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.REGISTRY_UNAVAILABLE, e.getMessage()
                + "; requests that send their expression or graph inline are still served");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Too much work in flight to start this request in time: a 503 that invites a retry. */
    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<Object> busy(ServiceBusyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.BUSY, e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * API keys are on and the request has none or a wrong one (raised by the security filters,
     * which hand it here). The same answer for an unknown key and a malformed header, apart from
     * the detail, and nothing about which tenants exist.
     */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthorized(AuthenticationException e) {
        String detail = e instanceof BadCredentialsException ? e.getMessage()
                : "This service needs an API key: send 'Authorization: Bearer <API key>'";
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gradient\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, detail));
    }

    /** A URL or header that the security firewall refuses (such as an encoded {@code ..}): malformed. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, e.getMessage()));
    }

    /** The client's tokens are used up: 429 with the whole seconds until enough are back. */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The service failed unexpectedly; the failure is logged"));
    }

    /** Unreadable bodies: invalid JSON is a 400; a body or JSON value past a limit is a 413. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return respond(limitProblem("gradient.limits.max-body-size", tooLarge.getMessage()));
            }
            if (cause instanceof StreamConstraintsException constraint) {
                return respond(limitProblem(jsonLimit(constraint.getOriginalMessage()),
                        "The body passes a limit: " + constraint.getOriginalMessage()));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                TokenStreamLocation at = json.getLocation();
                String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                return respond(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                        "The body is not valid JSON: " + json.getOriginalMessage() + where));
            }
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                "The body is missing or unreadable; expected a JSON object"));
    }

    /** The framework's own errors: the same problem form, with a code derived from the status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        ProblemDetail coded = Problems.of(status, Problems.codeFor(status), problem.getDetail() == null
                ? HttpStatus.valueOf(status.value()).getReasonPhrase() : problem.getDetail());
        coded.setInstance(problem.getInstance());
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(coded, out, status);
    }

    private ProblemDetail limitProblem(String limit, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.LIMIT_EXCEEDED, message);
        problem.setProperty("limit", limit);
        return problem;
    }

    private static String jsonLimit(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "gradient.limits.max-json-depth";
        }
        if (m.contains("string value length")) {
            return "gradient.limits.max-expression-length";
        }
        return "gradient.limits.max-body-size";
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
