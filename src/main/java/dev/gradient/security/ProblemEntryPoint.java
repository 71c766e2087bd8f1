package dev.gradient.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a request without a valid key through the MVC exception resolvers, so that the 401
 * is the same problem+json as every other error, written by the API's one problem handler.
 * Where a key was presented and refused, the 401 says why rather than that a key is missing.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final HandlerExceptionResolver resolver;

    ProblemEntryPoint(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        Object refused = request.getAttribute(ApiKeyFilter.REFUSED);
        resolver.resolveException(request, response, null, refused instanceof AuthenticationException why ? why : e);
    }
}
