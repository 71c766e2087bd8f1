package dev.gradient.telemetry;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The meters of each request that ran work: {@value #ENGINE}, the computation's time (see
 * {@link RequestFacts}) of the requests that reached their answer, tagged {@code product} (the
 * endpoint: {@code gradient}, {@code hessian}, {@code check}, ...) and {@code engine} (the engine
 * that ran, or {@value #EVERY_ENGINE} for {@code /check}, which runs them all); and
 * {@value #POINTS}, the points of every admitted request, tagged {@code product}.
 *
 * <p>Both are histograms with a few fixed buckets, from which Prometheus computes any percentile
 * ({@code histogram_quantile}), over one replica or summed over all of them; percentiles computed
 * here instead could not be combined across replicas (and Prometheus's registry does not publish
 * them next to buckets). With API keys on, both are also
 * tagged {@code tenant}: one of the configured tenants, so that the series are as few as the
 * configuration says (products × engines × tenants, each with its buckets); without keys there is
 * no tenant tag, since there are no tenants and client addresses are unbounded.
 */
final class RequestMeters {

    /** The computation's time; Prometheus shows {@code gradient_engine_seconds}. */
    static final String ENGINE = "gradient.engine";
    /** Points per request; Prometheus shows {@code gradient_request_points}. */
    static final String POINTS = "gradient.request.points";
    /** The engine tag of a request that ran no one engine but every one ({@code /check}). */
    static final String EVERY_ENGINE = "all";
    /** The tenant tag where no configured tenant applies; no tenant name can hold parentheses. */
    static final String NO_TENANT = "(none)";

    private static final Duration[] TIME_BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    private static final double[] POINT_BUCKETS = {1, 10, 100, 1_000, 10_000};

    private final MeterRegistry meters;
    private final Set<String> tenants;

    /** Records into {@code meters}, per tenant of {@code tenants} (the configured ones) where there are any. */
    RequestMeters(MeterRegistry meters, Collection<String> tenants) {
        this.meters = meters;
        this.tenants = Set.copyOf(tenants);
    }

    /** Records the request that {@code facts} describe, answered by {@code endpoint}, as of {@code now}. */
    void record(String endpoint, RequestFacts facts, long now) {
        if (!facts.admitted() || endpoint == null) {
            return;
        }
        String product = endpoint.substring(endpoint.lastIndexOf('/') + 1);
        Tags tags = tenants.isEmpty() ? Tags.of("product", product)
                : Tags.of("product", product, "tenant", tenants.contains(facts.tenant()) ? facts.tenant() : NO_TENANT);
        DistributionSummary.builder(POINTS).description("Points per request that ran work").baseUnit("points")
                .serviceLevelObjectives(POINT_BUCKETS).tags(tags)
                .register(meters).record(facts.points());
        if (facts.completed()) {
            Timer.builder(ENGINE).description("Time computing a request's points, from its admission to its answer")
                    .serviceLevelObjectives(TIME_BUCKETS).tags(tags)
                    .tag("engine", facts.engine() == null ? EVERY_ENGINE : facts.engine())
                    .register(meters).record(facts.computeNanos(now), TimeUnit.NANOSECONDS);
        }
    }
}
