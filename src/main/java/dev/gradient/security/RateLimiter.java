package dev.gradient.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.config.RateLimitProperties;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The token buckets of {@link RateLimitProperties}, one per client, kept in a bounded cache.
 * The rate-limit filter takes one token for every request and leaves the client's bucket on
 * the request; {@link #chargeBatch} then takes one more for every further point of a batch,
 * once the body has been read and the points counted.
 */
public final class RateLimiter {

    /** The request attribute that holds the bucket of the request's client. */
    static final String BUCKET = RateLimiter.class.getName() + ".bucket";

    private final RateLimitProperties properties;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;
    private final RateLimitRejections rejections;

    /** Buckets as {@code properties} say, timed by {@code clock}, whose refusals {@code rejections} counts. */
    RateLimiter(RateLimitProperties properties, TimeMeter clock, RateLimitRejections rejections) {
        this.properties = properties;
        this.clock = clock;
        this.rejections = rejections;
        // a bucket idle until it has refilled is full: dropping it then forgets nothing
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(properties.timeToFill())
                .build();
    }

    /** Whether requests are limited. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The bucket of {@code client}, a new full one where it has none. */
    Bucket bucket(String client) {
        return buckets.get(client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.capacity())
                        .refillGreedy(properties.refillTokens(), properties.refillPeriod()))
                .withCustomTimePrecision(clock)
                .build());
    }

    /**
     * Takes one token from {@code bucket} for the current request, or counts a refusal and throws
     * {@code RATE_LIMITED}.
     */
    void takeOne(Bucket bucket) {
        takeCounted(bucket, 1, "a request");
    }

    private void takeCounted(Bucket bucket, long tokens, String what) {
        try {
            take(bucket, tokens, what);
        } catch (GradientException e) {
            rejections.record();
            throw e;
        }
    }

    /** Takes {@code tokens} from {@code bucket}, or throws {@code RATE_LIMITED} and takes none. */
    static void take(Bucket bucket, long tokens, String what) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
            throw GradientException.retryAfter(ErrorCode.RATE_LIMITED, "Too many requests: " + what + " needs " + tokens + (tokens == 1 ? " token" : " tokens")
                    + " and " + probe.getRemainingTokens() + " are left; retry after " + Math.max(1, seconds) + " s", seconds);
        }
    }

    /**
     * Charges the current request for a batch of {@code points} points: one token each, of which
     * the filter took one already. A batch larger than a bucket can ever hold is refused with
     * {@code LIMIT_EXCEEDED} (413), since waiting would not help; one that finds too few
     * tokens now, with {@code RATE_LIMITED} (429). Nothing happens where the request was
     * not limited (rate limits off, or an open path).
     */
    public void chargeBatch(int points) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object bucket = request == null ? null : request.getAttribute(BUCKET, RequestAttributes.SCOPE_REQUEST);
        if (!(bucket instanceof Bucket limited)) {
            return;
        }
        if (points > properties.capacity()) {
            throw GradientException.limitExceeded("gradient.rate-limit.capacity", "the batch has " + points
                    + " points, one token each, but a client's bucket holds at most " + properties.capacity()
                    + " tokens; split it into smaller batches");
        }
        if (points > 1) {
            takeCounted(limited, points - 1L, "a batch of " + points + " points");
        }
    }
}
