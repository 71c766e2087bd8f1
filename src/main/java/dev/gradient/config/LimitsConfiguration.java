package dev.gradient.config;

import dev.gradient.graph.BuildLimits;
import dev.gradient.parse.SourceParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the parts that know nothing of Spring the slice of {@link GradientLimits} they
 * enforce: the parser (expression length and depth, nodes) and the graph builder (nodes,
 * elements, cost).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    SourceParser sourceParser(GradientLimits limits) {
        return new SourceParser(limits.parseLimits());
    }

    @Bean
    BuildLimits buildLimits(GradientLimits limits) {
        return limits.buildLimits();
    }
}
