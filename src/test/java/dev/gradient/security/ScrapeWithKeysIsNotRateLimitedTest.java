package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With keys on, an operator's scrape takes no token, but anyone else's call to the actuator does:
 * the exemption is no way around the limit on guessing keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + ApiKeysOverHttpTest.ACME_SHA256,
        "gradient.security.api-keys[1].tenant=ops",
        "gradient.security.api-keys[1].sha256=" + HealthWithKeysTest.OPS_SHA256,
        "gradient.security.api-keys[1].operator=true",
        "gradient.rate-limit.capacity=2", "gradient.rate-limit.refill-tokens=1", "gradient.rate-limit.refill-period=1h"})
class ScrapeWithKeysIsNotRateLimitedTest extends ApiTest {

    @Test
    void anOperatorsScrapesTakeNoToken() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.withKey("ops-key").get("/actuator/prometheus").status()).isEqualTo(200);
        }
        // the operator's two tokens are untouched
        assertThat(api.withKey("ops-key").post("/evaluate", RateLimitsOverHttpTest.ONE).status()).isEqualTo(200);
        assertThat(api.withKey("ops-key").post("/evaluate", RateLimitsOverHttpTest.ONE).status()).isEqualTo(200);
        problem(api.withKey("ops-key").post("/evaluate", RateLimitsOverHttpTest.ONE), 429, "RATE_LIMITED");
        assertThat(api.withKey("ops-key").get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void anyoneElsesCallToTheActuatorPays() {
        problem(api.withKey("acme-key").get("/actuator/prometheus"), 401, "UNAUTHORIZED");
        problem(api.withKey("acme-key").get("/actuator/prometheus"), 401, "UNAUTHORIZED");
        problem(api.withKey("acme-key").get("/actuator/prometheus"), 429, "RATE_LIMITED");
        // without a key, by address: two tokens, then refused
        problem(api.get("/actuator/prometheus"), 401, "UNAUTHORIZED");
        problem(api.get("/actuator/metrics"), 401, "UNAUTHORIZED");
        problem(api.get("/actuator/prometheus"), 429, "RATE_LIMITED");
    }
}
