package dev.gradient.cache;

import dev.gradient.config.RegistryProperties;
import dev.gradient.error.GradientException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Reports what a registry keeps, whichever it is, as the gauges {@value #GRAPHS} and
 * {@value #NODES}. With API keys they are tagged with the tenant, one series per configured
 * tenant (so no more series than the configuration has tenants); without keys there is one
 * namespace and the gauges have no tag. A shared registry reports what every replica registered,
 * so each replica shows the same numbers (aggregate them with {@code max}, not {@code sum}); while
 * its store cannot be reached the gauges are NaN.
 */
final class RegistryMeters implements MeterBinder {

    /** Graphs kept; Prometheus shows {@code gradient_registry_graphs}. */
    static final String GRAPHS = "gradient.registry.graphs";
    /** Nodes kept over those graphs, which the tenant's quota and {@code gradient.limits.max-registered-nodes} bound. */
    static final String NODES = "gradient.registry.nodes";

    private final GraphRegistry registry;
    private final List<String> tenants;

    /** The gauges of {@code registry}, per tenant of {@code tenants} where there are any. */
    RegistryMeters(GraphRegistry registry, List<String> tenants) {
        this.registry = registry;
        this.tenants = List.copyOf(tenants);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        if (tenants.isEmpty()) {
            bind(RegistryProperties.DEFAULT_NAMESPACE, null, meters);
        } else {
            tenants.forEach(tenant -> bind(tenant, tenant, meters));
        }
    }

    private void bind(String namespace, String tenant, MeterRegistry meters) {
        Gauge.Builder<GraphRegistry> graphs = Gauge.builder(GRAPHS, registry, r -> read(r, namespace, RegistryUsage::graphs))
                .description("Graphs kept in the registry");
        Gauge.Builder<GraphRegistry> nodes = Gauge.builder(NODES, registry, r -> read(r, namespace, RegistryUsage::nodes))
                .description("Nodes of the graphs kept in the registry");
        if (tenant != null) {
            graphs.tag("tenant", tenant);
            nodes.tag("tenant", tenant);
        }
        graphs.register(meters);
        nodes.register(meters);
    }

    private static double read(GraphRegistry registry, String namespace, ToLongFunction<RegistryUsage> part) {
        try {
            return part.applyAsLong(registry.usage(namespace));
        } catch (GradientException e) {
            return Double.NaN; // the shared store is unreachable: no number rather than a wrong one
        }
    }
}
