package dev.gradient.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long an idle bucket is kept: until it would be full again anyway. */
class RateLimitPropertiesTest {

    private static RateLimitProperties properties(long capacity, long refillTokens, Duration refillPeriod) {
        return new RateLimitProperties(true, capacity, refillTokens, refillPeriod, 100);
    }

    @Test
    void anEmptyBucketFillsInWholeRefillPeriods() {
        assertThat(properties(20_000, 10_000, Duration.ofSeconds(1)).timeToFill()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties(5, 5, Duration.ofHours(1)).timeToFill()).isEqualTo(Duration.ofHours(1));
        // a part of a period still takes the whole period
        assertThat(properties(7, 5, Duration.ofMinutes(1)).timeToFill()).isEqualTo(Duration.ofMinutes(2));
    }
}
