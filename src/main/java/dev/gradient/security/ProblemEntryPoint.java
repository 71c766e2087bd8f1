package dev.gradient.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a request without a valid key through the MVC exception resolvers, so that the 401
 * is the same problem+json as every other error, written by the API's one problem handler.
 * Where a key was presented and refused, the 401 says why rather than that a key is missing.
 *
 * <p>A tenant's key on an operator's endpoint (the actuator beyond health) is answered the
 * same way, with a 401 whose detail says that the endpoint needs an operator's key: a 401
 * rather than a 403, since the service's problem codes have no 403, and the remedy is the
 * same, another key.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemEntryPoint(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        Object refused = request.getAttribute(ApiKeyFilter.REFUSED);
        resolver.resolveException(request, response, null, refused instanceof AuthenticationException why ? why : e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        // the problem handler gives a refused key's own reason as the 401's detail
        resolver.resolveException(request, response, null, new BadCredentialsException("The API key is not an operator's:"
                + " " + request.getRequestURI() + " needs a key configured with operator=true"));
    }
}
