package dev.gradient.cache;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches' meters under the service's prefix ({@link GradientCacheMeterNames}); Spring Boot
 * applies a {@link MeterFilter} bean to the registries before any meter is bound to them.
 */
@Configuration(proxyBeanMethods = false)
class CacheMetricsConfiguration {

    @Bean
    MeterFilter gradientCacheMeterNames() {
        return new GradientCacheMeterNames();
    }
}
