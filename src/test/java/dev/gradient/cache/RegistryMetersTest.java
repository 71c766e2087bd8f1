package dev.gradient.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.config.TenantQuotas;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.ParsedGraph;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry's gauges: one series per configured tenant, and NaN rather than a wrong number while the store is away. */
class RegistryMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double gauge(String name, String tenant) {
        return meters.get(name).tag("tenant", tenant).gauge().value();
    }

    @Test
    void eachTenantHasItsOwnSeries() {
        InMemoryGraphRegistry registry = new InMemoryGraphRegistry(1000, TenantQuotas.uniform(1000), Clock.systemUTC());
        ParsedGraph g = GraphRegistryContract.graph("x * y + 1");
        registry.register("acme", g);
        new RegistryMeters(registry, List.of("acme", "globex")).bindTo(meters);
        assertThat(gauge(RegistryMeters.NODES, "acme")).isEqualTo(g.nodeCount());
        assertThat(gauge(RegistryMeters.GRAPHS, "acme")).isEqualTo(1);
        assertThat(gauge(RegistryMeters.NODES, "globex")).isZero();
        assertThat(meters.get(RegistryMeters.NODES).gauges()).hasSize(2);
    }

    @Test
    void aRegistryThatCannotBeReachedReportsNaN() {
        GraphRegistry unreachable = new GraphRegistry() {
            @Override
            public boolean register(String namespace, ParsedGraph graph) {
                throw away();
            }

            @Override
            public Optional<ParsedGraph> find(String namespace, String id) {
                throw away();
            }

            @Override
            public boolean remove(String namespace, String id) {
                throw away();
            }

            @Override
            public RegistryPage list(String namespace, String after, int size) {
                throw away();
            }

            @Override
            public RegistryUsage usage(String namespace) {
                throw away();
            }

            private GradientException away() {
                return new GradientException(ErrorCode.REGISTRY_UNAVAILABLE, "the test's store is away");
            }
        };
        new RegistryMeters(unreachable, List.of()).bindTo(meters);
        assertThat(meters.get(RegistryMeters.NODES).gauge().value()).isNaN();
        assertThat(meters.get(RegistryMeters.NODES).gauge().getId().getTags()).isEmpty();
    }
}
