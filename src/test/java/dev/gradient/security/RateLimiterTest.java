package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.config.RateLimitProperties;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The buckets behind the rate-limit filter: what a request and a batch take, and when to retry. */
class RateLimiterTest {

    /** A clock that never moves: no token comes back during a test. */
    private static final TimeMeter STOPPED = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return 0;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private static RateLimiter limiter(long capacity, long refillTokens, Duration refillPeriod) {
        return new RateLimiter(new RateLimitProperties(true, capacity, refillTokens, refillPeriod, 100), STOPPED,
                new RateLimitRejections(new SimpleMeterRegistry(), List.of()));
    }

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter limiter = limiter(5, 5, Duration.ofHours(1));
        assertThat(limiter.bucket("tenant:acme")).isSameAs(limiter.bucket("tenant:acme"));
        assertThat(limiter.bucket("tenant:acme")).isNotSameAs(limiter.bucket("address:10.0.0.1"));
    }

    @Test
    void retryAfterIsTheWaitForEnoughTokensRoundedUpToWholeSeconds() {
        // two tokens every three seconds: the next one is 1.5 s away
        Bucket bucket = limiter(1, 2, Duration.ofSeconds(3)).bucket("address:10.0.0.1");
        RateLimiter.take(bucket, 1, "a request");
        assertThatThrownBy(() -> RateLimiter.take(bucket, 1, "a request"))
                .isInstanceOfSatisfying(GradientException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(2);
                })
                .hasMessageContaining("a request needs 1 token and 0 are left");
    }

    @Test
    void aBatchTakesOneTokenForEachPointBeyondTheRequestsOwn() {
        RateLimiter limiter = limiter(5, 5, Duration.ofHours(1));
        Bucket bucket = limiter.bucket("tenant:acme");
        RateLimiter.take(bucket, 1, "a request");
        inARequestLimitedBy(bucket);
        limiter.chargeBatch(5);
        assertThat(bucket.getAvailableTokens()).isZero();
        assertThatThrownBy(() -> limiter.chargeBatch(2)).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    }

    @Test
    void aRequestThatWasNotLimitedIsNotCharged() {
        RateLimiter limiter = limiter(5, 5, Duration.ofHours(1));
        limiter.chargeBatch(1_000);
        inARequestLimitedBy(null);
        limiter.chargeBatch(1_000);
    }

    private static void inARequestLimitedBy(Bucket bucket) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (bucket != null) {
            request.setAttribute(RateLimiter.BUCKET, bucket);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
