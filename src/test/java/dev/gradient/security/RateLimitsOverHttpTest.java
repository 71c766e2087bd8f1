package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Rate limits with tiny buckets (5 tokens, 5 more per hour) on a clock the test moves, so that
 * refilling takes no waiting. API keys are on, so tenants are limited as tenants and
 * requests without a key by address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.rate-limit.capacity=5",
        "gradient.rate-limit.refill-tokens=5",
        "gradient.rate-limit.refill-period=1h",
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + ApiKeysOverHttpTest.ACME_SHA256,
        "gradient.security.api-keys[1].tenant=globex",
        "gradient.security.api-keys[1].sha256=" + ApiKeysOverHttpTest.GLOBEX_SHA256})
class RateLimitsOverHttpTest extends ApiTest {

    static final String ONE = "{\"expression\": \"x * 2\", \"at\": {\"x\": 3}}";

    /** A clock that moves only when told. */
    static final class ManualClock implements TimeMeter {

        private final AtomicLong nanos = new AtomicLong();

        void advance(long amount, TimeUnit unit) {
            nanos.addAndGet(unit.toNanos(amount));
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @TestConfiguration
    static class Clock {

        @Bean
        ManualClock rateLimitClock() {
            return new ManualClock();
        }
    }

    @Autowired
    ManualClock clock;

    @BeforeEach
    void fillEveryBucket() {
        clock.advance(1, TimeUnit.DAYS);
    }

    private static String batch(int points) {
        return "{\"expression\": \"x * 2\", \"points\": ["
                + IntStream.range(0, points).mapToObj(i -> "{\"x\": " + i + "}").collect(Collectors.joining(", ")) + "]}";
    }

    private static void limited(HttpApi.Reply reply, String retryAfter) {
        problem(reply, 429, "RATE_LIMITED");
        assertThat(reply.headers().firstValue("Retry-After")).hasValue(retryAfter);
    }

    @Test
    void requestsPastTheBucketAre429WithRetryAfterInSeconds() {
        HttpApi acme = api.withKey("acme-key");
        for (int i = 0; i < 5; i++) {
            assertThat(acme.post("/evaluate", ONE).status()).as("request %d", i).isEqualTo(200);
        }
        // one token comes back every 720 s (5 an hour)
        limited(acme.post("/evaluate", ONE), "720");
        limited(acme.get("/ops"), "720");
    }

    @Test
    void theBucketRefillsWithTime() {
        HttpApi acme = api.withKey("acme-key");
        for (int i = 0; i < 5; i++) {
            acme.get("/ops");
        }
        limited(acme.get("/ops"), "720");
        clock.advance(720, TimeUnit.SECONDS);
        assertThat(acme.get("/ops").status()).isEqualTo(200);
        limited(acme.get("/ops"), "720");
    }

    @Test
    void eachTenantHasItsOwnBucket() {
        for (int i = 0; i < 5; i++) {
            api.withKey("acme-key").get("/ops");
        }
        limited(api.withKey("acme-key").get("/ops"), "720");
        assertThat(api.withKey("globex-key").get("/ops").status()).isEqualTo(200);
    }

    @Test
    void batchesCountByPoints() {
        HttpApi acme = api.withKey("acme-key");
        HttpApi.Reply three = acme.post("/evaluate", batch(3));
        assertThat(three.status()).as(three.body()).isEqualTo(200);
        // 2 tokens left: the batch of 3 takes one as a request and finds 1 for its other 2 points
        limited(acme.post("/evaluate", batch(3)), "720");
        assertThat(acme.post("/evaluate", ONE).status()).isEqualTo(200);
        limited(acme.post("/evaluate", ONE), "720");
    }

    @Test
    void aBatchLargerThanTheBucketIs413() {
        assertThat(problem(api.withKey("acme-key").post("/evaluate", batch(6)), 413, "LIMIT_EXCEEDED")
                .path("limit").asString()).isEqualTo("gradient.rate-limit.capacity");
    }

    @Test
    void withoutAKeyTheAddressIsLimited() {
        for (int i = 0; i < 5; i++) {
            problem(api.get("/ops"), 401, "UNAUTHORIZED");
        }
        limited(api.get("/ops"), "720");
        // a tenant calling from the same address has a bucket of its own
        assertThat(api.withKey("globex-key").get("/ops").status()).isEqualTo(200);
    }

    @Test
    void guessingKeysIsLimitedByAddress() {
        for (int i = 0; i < 5; i++) {
            problem(api.withKey("guess-" + i).get("/ops"), 401, "UNAUTHORIZED");
        }
        limited(api.withKey("guess-5").get("/ops"), "720");
    }

    @Test
    void healthIsNeverLimited() {
        for (int i = 0; i < 8; i++) {
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }
}
