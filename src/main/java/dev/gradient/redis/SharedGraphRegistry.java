package dev.gradient.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.cache.GraphRegistry;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link GraphRegistry} that every replica shares through a {@link GraphStore}: a graph
 * registered on one replica is found by id on all of them, and deleting it on one deletes it
 * everywhere.
 *
 * <p>Each replica parses a stored graph once and keeps it in a local cache (bounded like the
 * other caches, reported to Micrometer as {@code gradient.registry}); the compiled-graph cache,
 * keyed by id, then compiles it once too. A cached graph is still confirmed with the store on
 * every look-up: content under an id never changes, since the id is its hash, but another
 * replica may have deleted it, and the graph may be kept in another namespace only. So the
 * local cache is keyed by id alone (a parse cache, shared by the namespaces), visibility is
 * decided by the store alone, and a look-up needs the store, and fails with
 * {@link dev.gradient.cache.GradientException} while it is down rather than
 * serving a graph that may be gone.
 */
final class SharedGraphRegistry implements GraphRegistry {

    private final GraphStore store;
    private final Function<String, Graph> decoder;
    private final long maxNodes;
    private final Cache<String, ParsedGraph> local;

    /**
     * A registry on {@code store} that keeps at most {@code maxNodes} nodes over all replicas,
     * reads stored JSON back with {@code decoder}, and caches up to {@code maxCachedNodes}
     * nodes of parsed graphs locally, with statistics bound to {@code meters}.
     */
    SharedGraphRegistry(GraphStore store, Function<String, Graph> decoder, long maxNodes, long maxCachedNodes,
            MeterRegistry meters) {
        this.store = store;
        this.decoder = decoder;
        this.maxNodes = maxNodes;
        this.local = Caffeine.newBuilder()
                .maximumWeight(maxCachedNodes)
                .weigher((String id, ParsedGraph graph) -> graph.nodeCount())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, local, "gradient.registry");
    }

    @Override
    public boolean register(String namespace, ParsedGraph graph) {
        GraphStore.PutResult result = store.put(namespace, graph.id(), CanonicalForm.toJson(graph.graph()).toString(),
                graph.nodeCount(), maxNodes);
        if (result.outcome() == GraphStore.Outcome.FULL) {
            throw GradientException.limitExceeded("gradient.limits.max-registered-nodes",
                    "registering this graph of " + graph.nodeCount() + " nodes would keep "
                            + (result.keptNodes() + graph.nodeCount()) + " nodes in registered graphs; the limit is "
                            + maxNodes + " (DELETE /graphs/{id} frees room)");
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
}
