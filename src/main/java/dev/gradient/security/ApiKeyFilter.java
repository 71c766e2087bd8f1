package dev.gradient.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}. A request without the header goes on
 * anonymous, and the authorization rules decide (open paths pass, the rest get 401); a header
 * that is not a known bearer key is a 401 at once, even on an open path, since a client that
 * sends a wrong key should learn so.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("The Authorization header must be 'Bearer <API key>'"));
            return;
        }
        Optional<String> tenant = keys.tenantOf(header.substring(BEARER.length()).strip());
        if (tenant.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("The API key is not valid"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new TenantAuthentication(tenant.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
