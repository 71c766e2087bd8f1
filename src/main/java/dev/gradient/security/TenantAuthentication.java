package dev.gradient.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request that presented the key of {@code tenant}; it holds no credentials after the check. */
final class TenantAuthentication extends AbstractAuthenticationToken {

    private final String tenant;

    TenantAuthentication(String tenant) {
        super(List.of());
        this.tenant = tenant;
        setAuthenticated(true);
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
