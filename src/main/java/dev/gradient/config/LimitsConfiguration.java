package dev.gradient.config;

import dev.gradient.graph.BuildLimits;
import dev.gradient.parse.ParseLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the parts that know nothing of Spring the slice of {@link GradientLimits} they
 * enforce: the parser's (expression length and depth, nodes) and the graph builder's (nodes,
 * elements, cost); and the registries the quota of each tenant.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    ParseLimits parseLimits(GradientLimits limits) {
        return limits.parseLimits();
    }

    @Bean
    BuildLimits buildLimits(GradientLimits limits) {
        return limits.buildLimits();
    }

    /** The registry quota of each tenant, checked by whichever registry is in use. */
    @Bean
    TenantQuotas tenantQuotas(TenantProperties tenants, ApiKeyProperties keys) {
        return TenantQuotas.of(tenants, keys);
    }
}
