package dev.gradient.api;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
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
 * ({@code application/problem+json}) with a stable {@code code}. The service's own errors are
 * all {@link GradientException}s, answered by one handler; the framework's (unknown path,
 * wrong method, unsupported media type, unreadable body, a missing or wrong API key) get the
 * same form, with a code of their own.
 *
 * <p>A 500 is only the last resort for a bug: it is logged with its stack trace, and tests
 * check that hostile input never reaches it.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** How long a 503 asks a client to wait where the error says nothing itself: about a Redis restart or failover. */
    private static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
    /** What a client of an unreachable shared registry can still do. */
    private static final String INLINE_STILL_SERVED = "; requests that send their expression or graph inline are still served";

    /**
     * Every error the service raises itself. A 503 invites a retry with {@code Retry-After},
     * never a 500: the service works, and the same request may succeed in a moment.
     */
    @ExceptionHandler(GradientException.class)
    ResponseEntity<Object> gradient(GradientException e) {
        if (e.getCause() != null) {
            log.warn("{}: {}", e.code(), e.getMessage());
        }
        ProblemDetail problem = Problems.of(e);
        if (e.code() == ErrorCode.REGISTRY_UNAVAILABLE) {
            problem.setDetail(problem.getDetail() + INLINE_STILL_SERVED);
        }
        long retryAfter = e.retryAfterSeconds() > 0 ? e.retryAfterSeconds()
                : e.code().status() == HttpStatus.SERVICE_UNAVAILABLE.value() ? UNAVAILABLE_RETRY_AFTER_SECONDS : 0;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (retryAfter > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
                .body(Problems.of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, detail));
    }

    /** A URL or header that the security firewall refuses (such as an encoded {@code ..}): malformed. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "The service failed unexpectedly; the failure is logged"));
    }

    /**
     * Unreadable bodies: invalid JSON is a 400; a body or JSON value past a limit is a 413. The
     * body-size limit reaches here as the cause of the stream's read failure.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof GradientException error) {
                return gradient(error);
            }
            if (cause instanceof StreamConstraintsException constraint) {
                return gradient(GradientException.limitExceeded(jsonLimit(constraint.getOriginalMessage()),
                        "The body passes a limit: " + constraint.getOriginalMessage()));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                TokenStreamLocation at = json.getLocation();
                String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                return respond(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                        "The body is not valid JSON: " + json.getOriginalMessage() + where));
            }
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                "The body is missing or unreadable; expected a JSON object"));
    }

    /** The framework's own errors: the same problem form, with a code derived from the status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        ProblemDetail coded = Problems.ofFramework(status, problem.getDetail() == null
                ? HttpStatus.valueOf(status.value()).getReasonPhrase() : problem.getDetail());
        coded.setInstance(problem.getInstance());
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(coded, out, status);
    }

    private static String jsonLimit(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "gradient.limits.max-json-depth";
        }
        return "gradient.limits.max-body-size";
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
