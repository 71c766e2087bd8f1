package dev.gradient.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The size of the caches, bound from {@code gradient.cache.*}.
 *
 * @param maxNodes the most graph nodes each cache holds (parsed sources, compiled graphs);
 *     an entry weighs as many nodes as its graph has. 0 turns caching off.
 */
@Validated
@ConfigurationProperties("gradient.cache")
public record CacheProperties(@Min(0) @DefaultValue("1000000") long maxNodes) {
}
