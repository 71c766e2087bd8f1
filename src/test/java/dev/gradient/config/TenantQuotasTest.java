package dev.gradient.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Where each tenant's registry quota comes from: its keys, else {@code gradient.tenants.max-registered-nodes}. */
class TenantQuotasTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TenantProperties.class, ApiKeyProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    private static TenantQuotas quotas(long byDefault, ApiKeyProperties.ApiKey... keys) {
        return TenantQuotas.of(new TenantProperties(byDefault), new ApiKeyProperties(List.of(keys), List.of()));
    }

    @Test
    void aTenantWithoutAQuotaOfItsOwnAndTheDefaultNamespaceHaveTheDefault() {
        TenantQuotas quotas = quotas(500, new ApiKeyProperties.ApiKey("acme", A, false, 40L),
                new ApiKeyProperties.ApiKey("globex", B, false));
        assertThat(quotas.maxRegisteredNodes("acme")).isEqualTo(40);
        assertThat(quotas.maxRegisteredNodes("globex")).isEqualTo(500);
        assertThat(quotas.maxRegisteredNodes(RegistryProperties.DEFAULT_NAMESPACE)).isEqualTo(500);
    }

    @Test
    void aQuotaSetOnOneOfATenantsKeysIsTheTenants() {
        TenantQuotas quotas = quotas(500, new ApiKeyProperties.ApiKey("acme", A, false),
                new ApiKeyProperties.ApiKey("acme", B, false, 40L));
        assertThat(quotas.maxRegisteredNodes("acme")).isEqualTo(40);
    }

    @Test
    void keysOfOneTenantThatDisagreeOnItsQuotaAreAConfigurationError() {
        assertThatThrownBy(() -> quotas(500, new ApiKeyProperties.ApiKey("acme", A, false, 40L),
                new ApiKeyProperties.ApiKey("acme", B, false, 41L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant 'acme'").hasMessageContaining("40")
                .hasMessageContaining("41");
    }

    @Test
    void theDefaultIsTheGlobalLimitsDefaultAndKeysBindTheirOwn() {
        runner.withPropertyValues("gradient.security.api-keys[0].tenant=acme", "gradient.security.api-keys[0].sha256=" + A,
                "gradient.security.api-keys[0].max-registered-nodes=40").run(context -> {
                    assertThat(context.getBean(TenantProperties.class).maxRegisteredNodes()).isEqualTo(1_000_000);
                    assertThat(context.getBean(ApiKeyProperties.class).apiKeys().get(0).maxRegisteredNodes()).isEqualTo(40);
                });
    }

    @Test
    void aQuotaBelowOneIsRefusedAtStartup() {
        runner.withPropertyValues("gradient.tenants.max-registered-nodes=0").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(BindValidationException.class));
        runner.withPropertyValues("gradient.security.api-keys[0].tenant=acme", "gradient.security.api-keys[0].sha256=" + A,
                "gradient.security.api-keys[0].max-registered-nodes=0").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(BindValidationException.class));
    }
}
