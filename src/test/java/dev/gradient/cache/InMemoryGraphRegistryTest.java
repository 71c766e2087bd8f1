package dev.gradient.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.config.RegistryProperties;
import dev.gradient.config.TenantQuotas;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.ParsedGraph;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Namespaces, the global node bound and the quotas of the in-process registry (and {@link GraphRegistryContract}). */
class InMemoryGraphRegistryTest extends GraphRegistryContract {

    @Override
    protected List<GraphRegistry> replicas(int count, long maxNodes, TenantQuotas quotas) {
        // one process has one registry: its "replicas" are threads sharing it
        return Collections.nCopies(count, new InMemoryGraphRegistry(maxNodes, quotas, clock));
    }

    private InMemoryGraphRegistry registry(long maxNodes) {
        return new InMemoryGraphRegistry(maxNodes, TenantQuotas.uniform(1_000_000), clock);
    }

    @Test
    void aGraphIsFoundRemovedOnlyInItsOwnNamespace() {
        InMemoryGraphRegistry registry = registry(1000);
        ParsedGraph g = graph("sin(x)");
        registry.register("acme", g);
        assertThat(registry.find("acme", g.id())).containsSame(g);
        assertThat(registry.find("globex", g.id())).isEmpty();
        assertThat(registry.find(RegistryProperties.DEFAULT_NAMESPACE, g.id())).isEmpty();
        assertThat(registry.remove("globex", g.id())).isFalse();
        assertThat(registry.find("acme", g.id())).isPresent();
    }

    @Test
    void twoNamespacesOwnTheirCopiesAndBothCountTowardsTheGlobalBound() {
        ParsedGraph g = graph("x * y");
        InMemoryGraphRegistry registry = registry(2L * g.nodeCount());
        assertThat(registry.register("acme", g)).isTrue();
        assertThat(registry.register("globex", g)).isTrue();
        assertThatThrownBy(() -> registry.register("initech", g)).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
        assertThat(registry.remove("acme", g.id())).isTrue();
        assertThat(registry.find("globex", g.id())).isPresent();
        assertThat(registry.register("initech", g)).isTrue();
    }
}
