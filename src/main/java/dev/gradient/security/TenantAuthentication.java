package dev.gradient.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request that presented the key of {@code tenant}; it holds no credentials after the check.
 * An operator's key also has the role {@link #OPERATOR}, which the actuator endpoints beyond
 * health and the health details ({@code management.endpoint.health.roles}) ask for.
 */
final class TenantAuthentication extends AbstractAuthenticationToken {

    /** The role of an operator's key, without Spring Security's {@code ROLE_} prefix. */
    static final String OPERATOR = "OPERATOR";

    private final String tenant;

    TenantAuthentication(String tenant, boolean operator) {
        super(operator ? List.of(new SimpleGrantedAuthority("ROLE_" + OPERATOR)) : List.of());
        this.tenant = tenant;
        setAuthenticated(true);
    }

    /** Whether {@code authentication} is an operator's key. */
    static boolean isOperator(Authentication authentication) {
        return authentication instanceof TenantAuthentication tenant
                && tenant.getAuthorities().stream().anyMatch(a -> ("ROLE_" + OPERATOR).equals(a.getAuthority()));
    }

    /** The tenant's name, which is also its registry namespace. */
    String tenant() {
        return tenant;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return tenant;
    }
}
