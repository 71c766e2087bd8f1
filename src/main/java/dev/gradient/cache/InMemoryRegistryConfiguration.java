package dev.gradient.cache;

import dev.gradient.config.ConditionalOnRegistry;
import dev.gradient.config.GradientLimits;
import dev.gradient.config.RegistryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process graph registry: the default, unless {@code gradient.registry} names another. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRegistry(RegistryProperties.Kind.MEMORY)
class InMemoryRegistryConfiguration {

    @Bean
    GraphRegistry graphRegistry(GradientLimits limits) {
        return new InMemoryGraphRegistry(limits.maxRegisteredNodes());
    }
}
