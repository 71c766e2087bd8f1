package dev.gradient.cache;

import dev.gradient.config.ApiKeyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's size as gauges ({@link RegistryMeters}), for whichever registry is in use. */
@Configuration(proxyBeanMethods = false)
class RegistryMetersConfiguration {

    @Bean
    RegistryMeters registryMeters(GraphRegistry registry, ApiKeyProperties keys) {
        return new RegistryMeters(registry, keys.tenants());
    }
}
