package dev.gradient.security;

import dev.gradient.config.ApiKeyProperties;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}. A request without a valid key goes on
 * anonymous, and the authorization rules decide: open paths pass, the rest get 401. A wrong
 * key is not refused here but noted on the request for the 401's detail, so that the rate
 * limit, which comes next, counts it against the caller's address: guessing keys is limited
 * like any other request.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    /** The request attribute that holds why a presented key was refused. */
    static final String REFUSED = ApiKeyFilter.class.getName() + ".refused";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
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
            request.setAttribute(REFUSED, new BadCredentialsException("The Authorization header must be 'Bearer <API key>'"));
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyProperties.ApiKey> key = keys.keyOf(header.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            request.setAttribute(REFUSED, new BadCredentialsException("The API key is not valid"));
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new TenantAuthentication(key.get().tenant(), key.get().operator()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
