package dev.gradient.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.cache.ParsedGraph;
import dev.gradient.cache.RegistryUnavailableException;
import dev.gradient.graph.CanonicalForm;
import dev.gradient.graph.Graph;
import dev.gradient.graph.LimitExceededException;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
        }, maxNodes, 1_000_000, new SimpleMeterRegistry());
    }

    private static ParsedGraph graph(String expression) {
        Graph graph = PARSER.expression(expression, "/expression");
        return new ParsedGraph(CanonicalForm.id(graph), graph);
    }

    @Test
    void aGraphRegisteredOnOneReplicaIsFoundOnAnotherWithTheSameId() {
        ParsedGraph registered = graph("x * exp(-y)");
        assertThat(replica(1000).register(registered)).isTrue();
        ParsedGraph found = replica(1000).find(registered.id()).orElseThrow();
        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(CanonicalForm.id(found.graph())).isEqualTo(registered.id());
    }

    @Test
    void registeringAgainOnAnyReplicaIsNotNew() {
        ParsedGraph registered = graph("sin(x)");
        assertThat(replica(1000).register(registered)).isTrue();
        assertThat(replica(1000).register(registered)).isFalse();
    }

    @Test
    void aReplicaParsesAStoredGraphOnceAndThenServesItFromItsCache() {
        ParsedGraph registered = graph("x^2 + y");
        replica(1000).register(registered);
        SharedGraphRegistry other = replica(1000);
        ParsedGraph first = other.find(registered.id()).orElseThrow();
        ParsedGraph second = other.find(registered.id()).orElseThrow();
        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void deletingOnOneReplicaForgetsTheGraphOnReplicasThatCachedIt() {
        ParsedGraph registered = graph("tanh(x)");
        SharedGraphRegistry one = replica(1000);
        SharedGraphRegistry other = replica(1000);
        one.register(registered);
        assertThat(other.find(registered.id())).isPresent();
        assertThat(one.remove(registered.id())).isTrue();
        assertThat(other.find(registered.id())).isEmpty();
        assertThat(other.remove(registered.id())).isFalse();
    }

    @Test
    void theNodeBoundCountsWhatEveryReplicaRegistered() {
        ParsedGraph first = graph("x + y");
        ParsedGraph second = graph("x * y * z");
        replica(first.nodeCount() + 1).register(first);
        assertThatThrownBy(() -> replica(first.nodeCount() + 1).register(second))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("the limit is " + (first.nodeCount() + 1));
        replica(first.nodeCount() + 1).remove(first.id());
        assertThat(store.keptNodes()).isZero();
    }

    @Test
    void lookUpsFailWhileTheStoreIsDownEvenForCachedGraphs() {
        ParsedGraph registered = graph("log(x)");
        SharedGraphRegistry registry = replica(1000);
        registry.register(registered);
        store.down(true);
        assertThatThrownBy(() -> registry.find(registered.id())).isInstanceOf(RegistryUnavailableException.class);
        assertThatThrownBy(() -> registry.register(graph("exp(x)"))).isInstanceOf(RegistryUnavailableException.class);
        store.down(false);
        assertThat(registry.find(registered.id())).isPresent();
    }
}
