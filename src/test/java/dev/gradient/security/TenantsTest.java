package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.config.RegistryProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A request's registry namespace is its tenant's, and the shared default one without a key. */
class TenantsTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAKeyEveryRequestSharesTheDefaultNamespace() {
        assertThat(Tenants.namespace()).isEqualTo(RegistryProperties.DEFAULT_NAMESPACE);
    }

    @Test
    void aTenantsRequestUsesTheTenantsNamespace() {
        SecurityContextHolder.getContext().setAuthentication(new TenantAuthentication("acme", false));
        assertThat(Tenants.namespace()).isEqualTo("acme");
    }

    @Test
    void anotherKindOfAuthenticationIsNoTenant() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("acme", "secret"));
        assertThat(Tenants.namespace()).isEqualTo(RegistryProperties.DEFAULT_NAMESPACE);
    }
}
