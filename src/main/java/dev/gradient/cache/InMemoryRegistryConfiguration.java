package dev.gradient.cache;

import dev.gradient.config.ApiKeyProperties;
import dev.gradient.config.ConditionalOnRegistry;
import dev.gradient.config.GradientLimits;
import dev.gradient.config.RegistryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process graph registry: the default, unless {@code gradient.registry} names another. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRegistry(RegistryProperties.Kind.MEMORY)
class InMemoryRegistryConfiguration {

    /** The registry, its size reported to {@code meters} per tenant of {@code keys} (or as one namespace without keys). */
    @Bean
    GraphRegistry graphRegistry(GradientLimits limits, ApiKeyProperties keys, MeterRegistry meters) {
        InMemoryGraphRegistry registry = new InMemoryGraphRegistry(limits.maxRegisteredNodes());
        RegistryMeters.bind(registry, keys.tenants(), meters);
        return registry;
    }
}
