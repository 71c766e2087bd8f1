package dev.gradient.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where registered graphs live, bound from {@code gradient.registry}. Bound only so that a
 * misspelt value stops the service at startup instead of silently keeping graphs in process.
 *
 * @param registry {@code memory} (the default: this process only, nothing else needed) or
 *     {@code redis} (shared by every replica through Redis, configured with Spring's
 *     {@code spring.data.redis.*} properties)
 */
@Validated
@ConfigurationProperties("gradient")
public record RegistryProperties(@NotNull @DefaultValue("memory") Kind registry) {

    /**
     * The registry namespace of every request while API keys are off. Empty, so that no tenant
     * name (which must not be empty) can coincide with it.
     */
    public static final String DEFAULT_NAMESPACE = "";

    /** The kinds of registry. */
    public enum Kind {
        /** This process only: {@code dev.gradient.cache.InMemoryGraphRegistry}. */
        MEMORY,
        /** The shared registry of {@code dev.gradient.redis}. */
        REDIS
    }
}
