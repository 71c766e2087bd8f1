package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Without keys a scrape of {@code /actuator/prometheus} takes no token from the caller's bucket:
 * a Prometheus that shares an address with clients keeps its scrapes through their flood, and
 * they keep their tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.rate-limit.capacity=2", "gradient.rate-limit.refill-tokens=1", "gradient.rate-limit.refill-period=1h"})
class ScrapeIsNotRateLimitedTest extends ApiTest {

    @Test
    void scrapesTakeNoTokenAndStillAnswerWhenTheBucketIsEmpty() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
        }
        // the bucket is as full as it started: its two tokens are still there for the API
        assertThat(api.post("/evaluate", RateLimitsOverHttpTest.ONE).status()).isEqualTo(200);
        assertThat(api.post("/evaluate", RateLimitsOverHttpTest.ONE).status()).isEqualTo(200);
        problem(api.post("/evaluate", RateLimitsOverHttpTest.ONE), 429, "RATE_LIMITED");
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(200);
    }
}
