package dev.gradient.cache;

import dev.gradient.config.RegistryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * Reports what the in-process registry keeps, as the gauges {@value #GRAPHS} and
 * {@value #NODES}. With API keys they are tagged with the tenant, one series per configured
 * tenant (so no more series than the configuration has tenants); without keys there is one
 * namespace and the gauges have no tag.
 */
final class RegistryMeters {

    /** Graphs kept; Prometheus shows {@code gradient_registry_graphs}. */
    static final String GRAPHS = "gradient.registry.graphs";
    /** Nodes kept over those graphs, which {@code gradient.limits.max-registered-nodes} bounds. */
    static final String NODES = "gradient.registry.nodes";

    private RegistryMeters() {
    }

    /** Binds the gauges of {@code registry} to {@code meters}, per tenant of {@code tenants} where there are any. */
    static void bind(InMemoryGraphRegistry registry, Collection<String> tenants, MeterRegistry meters) {
        if (tenants.isEmpty()) {
            bind(registry, RegistryProperties.DEFAULT_NAMESPACE, null, meters);
        } else {
            tenants.forEach(tenant -> bind(registry, tenant, tenant, meters));
        }
    }

    private static void bind(InMemoryGraphRegistry registry, String namespace, String tenant, MeterRegistry meters) {
        Gauge.Builder<InMemoryGraphRegistry> graphs = Gauge.builder(GRAPHS, registry, r -> r.graphs(namespace))
                .description("Graphs kept in the registry");
        Gauge.Builder<InMemoryGraphRegistry> nodes = Gauge.builder(NODES, registry, r -> r.nodes(namespace))
                .description("Nodes of the graphs kept in the registry");
        if (tenant != null) {
            graphs.tag("tenant", tenant);
            nodes.tag("tenant", tenant);
        }
        graphs.register(meters);
        nodes.register(meters);
    }
}
