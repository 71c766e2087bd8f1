package dev.gradient.redis;

import dev.gradient.error.GradientException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports whether the shared registry's store answers, as the health component
 * {@code graphRegistry}. When it does not, the status is {@link #DEGRADED} with the reason,
 * not DOWN: the replica still answers every request that names its function inline, so a
 * load balancer or orchestrator must not take it out of service or restart it for that
 * (application.properties orders the status and maps it to HTTP 200).
 */
final class GraphRegistryHealthIndicator implements HealthIndicator {

    /** Serving, but without the shared registry: look-ups by id answer 503. */
    static final Status DEGRADED = new Status("DEGRADED", "graph ids cannot be looked up; inline requests are served");

    private final GraphStore store;

    /** Reports on {@code store}. */
    GraphRegistryHealthIndicator(GraphStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.ping();
            return Health.up().withDetail("store", "redis").build();
        } catch (GradientException e) {
            return Health.status(DEGRADED).withDetail("store", "redis").withDetail("error", e.getMessage()).build();
        }
    }
}
