package dev.gradient.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rate limits, bound from {@code gradient.rate-limit.*}: a token bucket per tenant (with
 * API keys) or per client address (without). A request takes one token, a batch one per point.
 *
 * <p>On by default, so that one client cannot take all of a service that anyone may reach, and
 * generous: a client may send two of the largest batches at once and one a second after that,
 * so only a flood meets it; the per-request limits ({@code gradient.limits.*}) bound the cost of
 * each request.
 *
 * @param enabled whether requests are limited at all
 * @param capacity the most tokens a bucket holds: the largest burst, and the largest batch (in
 *     points) a client can ever send; a larger batch is a 413
 * @param refillTokens how many tokens come back every {@code refillPeriod}, spread evenly over it
 * @param refillPeriod see {@code refillTokens}
 * @param maxClients the most buckets kept at once; the least recently used beyond it is dropped,
 *     and so is one idle for as long as it takes to refill, when it would be full again anyway
 */
@Validated
@ConfigurationProperties("gradient.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("20000") long capacity,
        @Min(1) @DefaultValue("10000") long refillTokens,
        @NotNull @DefaultValue("1s") Duration refillPeriod,
        @Min(1) @DefaultValue("100000") long maxClients) {

    /** How long an empty bucket takes to fill up again. */
    public Duration timeToFill() {
        long periods = (capacity + refillTokens - 1) / refillTokens;
        return refillPeriod.multipliedBy(periods);
    }
}
