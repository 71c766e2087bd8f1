package dev.gradient.security;

import dev.gradient.config.RegistryProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The registry namespace of the request being answered: its tenant's name where it presented
 * an API key, else {@link RegistryProperties#DEFAULT_NAMESPACE}, which is every request's while
 * keys are off. Read on the request's thread.
 */
public final class Tenants {

    private Tenants() {
    }

    /** The namespace in which the current request registers and finds graphs. */
    public static String namespace() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof TenantAuthentication tenant ? tenant.tenant() : RegistryProperties.DEFAULT_NAMESPACE;
    }
}
