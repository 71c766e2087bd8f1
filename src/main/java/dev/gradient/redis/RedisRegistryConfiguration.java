package dev.gradient.redis;

import dev.gradient.cache.GraphRegistry;
import dev.gradient.config.CacheProperties;
import dev.gradient.config.ConditionalOnRegistry;
import dev.gradient.config.GradientLimits;
import dev.gradient.config.RegistryProperties;
import dev.gradient.config.TenantQuotas;
import dev.gradient.parse.SourceParser;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared registry, with {@code gradient.registry=redis}. Redis itself is Spring Boot's
 * auto-configured client, set with the usual {@code spring.data.redis.*} properties.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRegistry(RegistryProperties.Kind.REDIS)
class RedisRegistryConfiguration {

    @Bean
    GraphStore graphStore(StringRedisTemplate redis) {
        return new RedisGraphStore(redis);
    }

    @Bean
    GraphRegistry graphRegistry(GraphStore store, SourceParser parser, JsonMapper json, GradientLimits limits,
            TenantQuotas quotas, CacheProperties cache, MeterRegistry meters) {
        // stored graphs are canonical forms that this service wrote, read back as a client's graph would be
        return new SharedGraphRegistry(store, text -> parser.graph(json.readTree(text), ""),
                limits.maxRegisteredNodes(), quotas, Clock.systemUTC(), cache.maxNodes(), meters);
    }

    @Bean
    GraphRegistryHealthIndicator graphRegistryHealthIndicator(GraphStore store) {
        return new GraphRegistryHealthIndicator(store);
    }

    /**
     * While Redis is unreachable, fail commands at once instead of queueing them until they
     * time out: a look-up by id then answers 503 at once, and no request thread waits.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
