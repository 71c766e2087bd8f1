package dev.gradient.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem details that every error is answered with: {@code type},
 * {@code title}, {@code status}, {@code detail}, a stable {@code code}, and where they apply
 * {@code errors: [{pointer, message}]} and an expression's character {@code position}.
 */
final class Problems {

    /** The body is not JSON, or not of the contract's form. */
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    /** A limit is passed. */
    static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
    /** A graph id that the registry does not know. */
    static final String UNKNOWN_GRAPH = "UNKNOWN_GRAPH";
    /** The shared graph registry cannot be reached now. */
    static final String REGISTRY_UNAVAILABLE = "REGISTRY_UNAVAILABLE";
    /** API keys are configured and the request has none, or a wrong one. */
    static final String UNAUTHORIZED = "UNAUTHORIZED";
    /** The client's rate limit is used up for now. */
    static final String RATE_LIMITED = "RATE_LIMITED";
    /** Too much work in flight: retry shortly. */
    static final String BUSY = "BUSY";

    private Problems() {
    }

    /** A problem with a stable {@code code}; its {@code type} is a URN derived from the code. */
    static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:gradient:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title(status, code));
        problem.setProperty("code", code);
        return problem;
    }

    /** {@code problem} with one entry in {@code errors}, and the expression position where there is one. */
    static ProblemDetail at(ProblemDetail problem, String pointer, String message, int position) {
        if (pointer != null) {
            problem.setProperty("errors", List.of(Map.of("pointer", pointer, "message", message)));
        }
        if (position >= 0) {
            problem.setProperty("position", position);
        }
        return problem;
    }

    /** The stable code of a problem that the framework raised, by its status. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> LIMIT_EXCEEDED;
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> RATE_LIMITED;
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "HTTP_" + status.value();
        };
    }

    private static String title(HttpStatusCode status, String code) {
        if (code.equals("SYNTAX")) {
            return "Syntax error";
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        HttpStatus known = HttpStatus.resolve(status.value());
        // the code says what kind of problem; the reason phrase is kept where the code adds nothing
        return known != null && title.equalsIgnoreCase(known.getReasonPhrase()) ? known.getReasonPhrase() : title;
    }
}
