package dev.gradient.cache;

import dev.gradient.config.ConditionalOnRegistry;
import dev.gradient.config.GradientLimits;
import dev.gradient.config.RegistryProperties;
import dev.gradient.config.TenantQuotas;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process graph registry: the default, unless {@code gradient.registry} names another. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRegistry(RegistryProperties.Kind.MEMORY)
class InMemoryRegistryConfiguration {

    /** The registry, bounded by the global limit and each tenant's quota. */
    @Bean
    GraphRegistry graphRegistry(GradientLimits limits, TenantQuotas quotas) {
        return new InMemoryGraphRegistry(limits.maxRegisteredNodes(), quotas, Clock.systemUTC());
    }
}
