package dev.gradient.security;

import dev.gradient.error.GradientException;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Takes one token from the client's bucket for every request outside the open paths, before
 * the body is read, so that even malformed requests are limited; answers 429 through the MVC
 * exception resolvers when there is none. Runs after the API key is checked, so that a tenant
 * is limited as a tenant, whatever address it calls from; without a key, by client address.
 *
 * <p>Scrapes and other operator calls to the actuator are not limited either ({@code exempt}):
 * a Prometheus that shares a bucket with clients (behind the same proxy, say) would otherwise
 * lose its scrapes to a flood, just when an operator needs them. With keys on, that is only for
 * an operator's key: anyone else calling the actuator still pays, so guessing keys there is
 * limited like anywhere else.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RequestMatcher open;
    private final RequestMatcher exempt;
    private final HandlerExceptionResolver resolver;

    RateLimitFilter(RateLimiter limiter, RequestMatcher open, RequestMatcher exempt, HandlerExceptionResolver resolver) {
        this.limiter = limiter;
        this.open = open;
        this.exempt = exempt;
        this.resolver = resolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // probes and documents are never limited: an orchestrator must always reach them
        return open.matches(request) || exempt.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = limiter.bucket(client(request));
        try {
            limiter.takeOne(bucket);
        } catch (GradientException e) {
            resolver.resolveException(request, response, null, e);
            return;
        }
        request.setAttribute(RateLimiter.BUCKET, bucket);
        chain.doFilter(request, response);
    }

    /** The tenant where a key was given, else the address (set server.forward-headers-strategy behind a proxy). */
    private static String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof TenantAuthentication tenant ? "tenant:" + tenant.tenant()
                : "address:" + request.getRemoteAddr();
    }
}
