package dev.gradient.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.cache.GraphRegistry;
import dev.gradient.cache.RegistryLimits;
import dev.gradient.cache.RegistryPage;
import dev.gradient.cache.RegistryUsage;
import dev.gradient.config.TenantQuotas;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link GraphRegistry} that every replica shares through a {@link GraphStore}: a graph
 * registered on one replica is found by id on all of them, and deleting it on one deletes it
 * everywhere. The global bound and each namespace's quota are checked by the store, atomically
 * with keeping the graph, so that they hold over all replicas together.
 *
 * <p>Each replica parses a stored graph once and keeps it in a local cache (bounded like the
 * other caches, reported to Micrometer as {@code gradient.registry}); the compiled-graph cache,
 * keyed by id, then compiles it once too. A cached graph is still confirmed with the store on
 * every look-up: content under an id never changes, since the id is its hash, but another
 * replica may have deleted it, and the graph may be kept in another namespace only. So the
 * local cache is keyed by id alone (a parse cache, shared by the namespaces), visibility is
 * decided by the store alone, and a look-up needs the store, and fails with
 * {@link dev.gradient.error.GradientException} while it is down rather than
 * serving a graph that may be gone.
 */
final class SharedGraphRegistry implements GraphRegistry {

    private final GraphStore store;
    private final Function<String, Graph> decoder;
    private final long maxNodes;
    private final TenantQuotas quotas;
    private final Clock clock;
    private final Cache<String, ParsedGraph> local;

    /**
     * A registry on {@code store} that keeps at most {@code maxNodes} nodes over all replicas, and
     * in each namespace what {@code quotas} gives it, dating registrations by {@code clock}; it
     * reads stored JSON back with {@code decoder}, and caches up to {@code maxCachedNodes}
     * nodes of parsed graphs locally, with statistics bound to {@code meters}.
     */
    SharedGraphRegistry(GraphStore store, Function<String, Graph> decoder, long maxNodes, TenantQuotas quotas, Clock clock,
            long maxCachedNodes, MeterRegistry meters) {
        this.store = store;
        this.decoder = decoder;
        this.maxNodes = maxNodes;
        this.quotas = quotas;
        this.clock = clock;
        this.local = Caffeine.newBuilder()
                .maximumWeight(maxCachedNodes)
                .weigher((String id, ParsedGraph graph) -> graph.nodeCount())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, local, "gradient.registry");
    }

    @Override
    public boolean register(String namespace, ParsedGraph graph) {
        long quota = quotas.maxRegisteredNodes(namespace);
        GraphStore.PutResult result = store.put(namespace, graph.id(), CanonicalForm.toJson(graph.graph()).toString(),
                graph.nodeCount(), clock.millis(), maxNodes, quota);
        switch (result.outcome()) {
            case OVER_QUOTA -> throw RegistryLimits.quotaPassed(namespace, result.usedNodes(), graph.nodeCount(), quota);
            case FULL -> throw RegistryLimits.globalBoundPassed(result.keptNodes(), graph.nodeCount(), maxNodes);
            case ADDED, PRESENT -> { }
        }
        local.put(graph.id(), graph);
        return result.outcome() == GraphStore.Outcome.ADDED;
    }

    @Override
    public Optional<ParsedGraph> find(String namespace, String id) {
        ParsedGraph cached = local.getIfPresent(id);
        if (cached != null) {
            // not invalidated where absent: another namespace may keep the same graph
            return store.contains(namespace, id) ? Optional.of(cached) : Optional.empty();
        }
        Optional<ParsedGraph> stored = store.get(namespace, id).map(json -> new ParsedGraph(id, decoder.apply(json)));
        stored.ifPresent(graph -> local.put(id, graph));
        return stored;
    }

    @Override
    public boolean remove(String namespace, String id) {
        local.invalidate(id);
        return store.delete(namespace, id);
    }

    @Override
    public RegistryPage list(String namespace, String after, int size) {
        return RegistryPage.of(store.list(namespace, after, size + 1), size);
    }

    @Override
    public RegistryUsage usage(String namespace) {
        return store.usage(namespace);
    }
}
