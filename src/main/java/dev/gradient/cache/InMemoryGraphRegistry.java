package dev.gradient.cache;

import dev.gradient.config.TenantQuotas;
import dev.gradient.graph.ParsedGraph;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link GraphRegistry} in this process's memory: a sorted concurrent map per namespace, never
 * evicted, bounded by the total node count of the graphs it keeps so that clients cannot fill the
 * heap, and by each namespace's quota so that no tenant fills it for the others. Graphs do not
 * survive a restart; since ids are content hashes, re-registering after one gives the same ids.
 * The global bound is over every namespace: it bounds the heap whatever the number of tenants, and
 * each namespace's copy of a graph counts, against its own quota too.
 */
public final class InMemoryGraphRegistry implements GraphRegistry {

    private record Kept(ParsedGraph graph, Instant created) {
    }

    private final Map<String, NavigableMap<String, Kept>> namespaces = new ConcurrentHashMap<>();
    private final Map<String, RegistryUsage> usage = new ConcurrentHashMap<>();
    private final long maxNodes;
    private final TenantQuotas quotas;
    private final Clock clock;
    private long nodes;

    /**
     * A registry that keeps at most {@code maxNodes} nodes over all its graphs, and in each
     * namespace at most what {@code quotas} gives it; {@code clock} dates registrations.
     */
    public InMemoryGraphRegistry(long maxNodes, TenantQuotas quotas, Clock clock) {
        if (maxNodes < 0) {
            throw new IllegalArgumentException("maxNodes must be zero or more, got " + maxNodes);
        }
        this.maxNodes = maxNodes;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public synchronized boolean register(String namespace, ParsedGraph graph) {
        // synchronized so that the node counts and the maps agree; registration is rare next to lookups
        NavigableMap<String, Kept> kept = namespaces.computeIfAbsent(namespace, n -> new ConcurrentSkipListMap<>());
        if (kept.containsKey(graph.id())) {
            return false;
        }
        long used = usage(namespace).nodes();
        long quota = quotas.maxRegisteredNodes(namespace);
        if (used + graph.nodeCount() > quota) {
            throw RegistryLimits.quotaPassed(namespace, used, graph.nodeCount(), quota);
        }
        if (nodes + graph.nodeCount() > maxNodes) {
            throw RegistryLimits.globalBoundPassed(nodes, graph.nodeCount(), maxNodes);
        }
        kept.put(graph.id(), new Kept(graph, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        nodes += graph.nodeCount();
        usage.merge(namespace, new RegistryUsage(1, graph.nodeCount()), RegistryUsage::plus);
        return true;
    }

    @Override
    public Optional<ParsedGraph> find(String namespace, String id) {
        NavigableMap<String, Kept> kept = namespaces.get(namespace);
        return kept == null ? Optional.empty() : Optional.ofNullable(kept.get(id)).map(Kept::graph);
    }

    @Override
    public synchronized boolean remove(String namespace, String id) {
        NavigableMap<String, Kept> kept = namespaces.get(namespace);
        Kept removed = kept == null ? null : kept.remove(id);
        if (removed == null) {
            return false;
        }
        nodes -= removed.graph().nodeCount();
        usage.merge(namespace, new RegistryUsage(-1, -removed.graph().nodeCount()), RegistryUsage::plus);
        return true;
    }

    @Override
    public RegistryPage list(String namespace, String after, int size) {
        NavigableMap<String, Kept> kept = namespaces.get(namespace);
        if (kept == null) {
            return RegistryPage.of(List.of(), size);
        }
        List<RegisteredGraph> graphs = new ArrayList<>(size + 1);
        for (Kept entry : (after == null ? kept : kept.tailMap(after, false)).values()) {
            if (graphs.size() > size) {
                break;
            }
            graphs.add(new RegisteredGraph(entry.graph().id(), entry.graph().nodeCount(), entry.created()));
        }
        return RegistryPage.of(graphs, size);
    }

    @Override
    public RegistryUsage usage(String namespace) {
        return usage.getOrDefault(namespace, RegistryUsage.NONE);
    }
}
