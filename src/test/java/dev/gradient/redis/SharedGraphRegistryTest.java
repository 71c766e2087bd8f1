package dev.gradient.redis;

import static dev.gradient.config.RegistryProperties.DEFAULT_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.config.TenantQuotas;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Replicas sharing one store: what one registers the others find, what one deletes is gone everywhere. */
class SharedGraphRegistryTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65536, 256, 200000));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MapGraphStore store = new MapGraphStore();
    private final AtomicInteger decoded = new AtomicInteger();

    private SharedGraphRegistry replica(long maxNodes) {
        return new SharedGraphRegistry(store, text -> {
            decoded.incrementAndGet();
            return PARSER.graph(JSON.readTree(text), "");
        }, maxNodes, TenantQuotas.uniform(1_000_000), Clock.systemUTC(), 1_000_000, new SimpleMeterRegistry());
    }

    private static ParsedGraph graph(String expression) {
        Graph graph = PARSER.expression(expression, "/expression");
        return new ParsedGraph(CanonicalForm.id(graph), graph);
    }

    @Test
    void aGraphRegisteredOnOneReplicaIsFoundOnAnotherWithTheSameId() {
        ParsedGraph registered = graph("x * exp(-y)");
        assertThat(replica(1000).register(DEFAULT_NAMESPACE, registered)).isTrue();
        ParsedGraph found = replica(1000).find(DEFAULT_NAMESPACE, registered.id()).orElseThrow();
        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(CanonicalForm.id(found.graph())).isEqualTo(registered.id());
    }

    @Test
    void registeringAgainOnAnyReplicaIsNotNew() {
        ParsedGraph registered = graph("sin(x)");
        assertThat(replica(1000).register(DEFAULT_NAMESPACE, registered)).isTrue();
        assertThat(replica(1000).register(DEFAULT_NAMESPACE, registered)).isFalse();
    }

    @Test
    void aReplicaParsesAStoredGraphOnceAndThenServesItFromItsCache() {
        ParsedGraph registered = graph("x^2 + y");
        replica(1000).register(DEFAULT_NAMESPACE, registered);
        SharedGraphRegistry other = replica(1000);
        ParsedGraph first = other.find(DEFAULT_NAMESPACE, registered.id()).orElseThrow();
        ParsedGraph second = other.find(DEFAULT_NAMESPACE, registered.id()).orElseThrow();
        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void deletingOnOneReplicaForgetsTheGraphOnReplicasThatCachedIt() {
        ParsedGraph registered = graph("tanh(x)");
        SharedGraphRegistry one = replica(1000);
        SharedGraphRegistry other = replica(1000);
        one.register(DEFAULT_NAMESPACE, registered);
        assertThat(other.find(DEFAULT_NAMESPACE, registered.id())).isPresent();
        assertThat(one.remove(DEFAULT_NAMESPACE, registered.id())).isTrue();
        assertThat(other.find(DEFAULT_NAMESPACE, registered.id())).isEmpty();
        assertThat(other.remove(DEFAULT_NAMESPACE, registered.id())).isFalse();
    }

    @Test
    void theNodeBoundCountsWhatEveryReplicaRegistered() {
        ParsedGraph first = graph("x + y");
        ParsedGraph second = graph("x * y * z");
        replica(first.nodeCount() + 1).register(DEFAULT_NAMESPACE, first);
        assertThatThrownBy(() -> replica(first.nodeCount() + 1).register(DEFAULT_NAMESPACE, second))
                .isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED))
                .hasMessageContaining("the limit is " + (first.nodeCount() + 1));
        replica(first.nodeCount() + 1).remove(DEFAULT_NAMESPACE, first.id());
        assertThat(store.keptNodes()).isZero();
    }

    @Test
    void lookUpsFailWhileTheStoreIsDownEvenForCachedGraphs() {
        ParsedGraph registered = graph("log(x)");
        SharedGraphRegistry registry = replica(1000);
        registry.register(DEFAULT_NAMESPACE, registered);
        store.down(true);
        assertThatThrownBy(() -> registry.find(DEFAULT_NAMESPACE, registered.id())).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAVAILABLE));
        assertThatThrownBy(() -> registry.register(DEFAULT_NAMESPACE, graph("exp(x)"))).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAVAILABLE));
        store.down(false);
        assertThat(registry.find(DEFAULT_NAMESPACE, registered.id())).isPresent();
    }

    @Test
    void aGraphIsFoundOnlyInTheNamespaceThatRegisteredIt() {
        ParsedGraph registered = graph("cosh(x)");
        SharedGraphRegistry one = replica(1000);
        SharedGraphRegistry other = replica(1000);
        one.register("acme", registered);
        assertThat(other.find("acme", registered.id())).isPresent();
        assertThat(other.find("globex", registered.id())).isEmpty();
        assertThat(other.find(DEFAULT_NAMESPACE, registered.id())).isEmpty();
        assertThat(other.remove("globex", registered.id())).isFalse();
        assertThat(one.find("acme", registered.id())).isPresent();
    }

    @Test
    void twoNamespacesKeepTheirOwnCopyAndDeletingOneLeavesTheOther() {
        ParsedGraph registered = graph("sinh(x)");
        SharedGraphRegistry registry = replica(1000);
        assertThat(registry.register("acme", registered)).isTrue();
        assertThat(registry.register("globex", registered)).isTrue();
        assertThat(store.keptNodes()).isEqualTo(2L * registered.nodeCount());
        assertThat(registry.remove("acme", registered.id())).isTrue();
        assertThat(registry.find("acme", registered.id())).isEmpty();
        assertThat(replica(1000).find("globex", registered.id())).isPresent();
        assertThat(registry.find("globex", registered.id())).isPresent();
    }

    @Test
    void theDefaultNamespaceKeepsTheKeysItHadBeforeTenants() {
        assertThat(RedisGraphStore.key(DEFAULT_NAMESPACE, "abc")).isEqualTo("gradient:{registry}:graph:abc");
        assertThat(RedisGraphStore.key("acme", "abc")).isEqualTo("gradient:{registry}:tenant:acme:graph:abc");
    }
}
