package dev.gradient.cache;

import dev.gradient.error.GradientException;
import dev.gradient.graph.ParsedGraph;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link GraphRegistry} in this process's memory: a concurrent map, never evicted, bounded
 * by the total node count of the graphs it keeps so that clients cannot fill the heap.
 * Graphs do not survive a restart; since ids are content hashes, re-registering after one
 * gives the same ids. The bound is global, over every namespace: it bounds the heap whatever
 * the number of tenants, and each namespace's copy of a graph counts.
 */
public final class InMemoryGraphRegistry implements GraphRegistry {

    private record Key(String namespace, String id) {
    }

    /** What one namespace keeps: graphs, and nodes over them. */
    private record Usage(long graphs, long nodes) {

        Usage plus(Usage other) {
            return new Usage(graphs + other.graphs, nodes + other.nodes);
        }
    }

    private final Map<Key, ParsedGraph> graphs = new ConcurrentHashMap<>();
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final long maxNodes;
    private long nodes;

    /** A registry that keeps at most {@code maxNodes} nodes over all its graphs. */
    public InMemoryGraphRegistry(long maxNodes) {
        if (maxNodes < 0) {
            throw new IllegalArgumentException("maxNodes must be zero or more, got " + maxNodes);
        }
        this.maxNodes = maxNodes;
    }

    @Override
    public synchronized boolean register(String namespace, ParsedGraph graph) {
        // synchronized so that the node count and the map agree; registration is rare next to lookups
        Key key = new Key(namespace, graph.id());
        if (graphs.containsKey(key)) {
            return false;
        }
        if (nodes + graph.nodeCount() > maxNodes) {
            throw GradientException.limitExceeded("gradient.limits.max-registered-nodes",
                    "registering this graph of " + graph.nodeCount() + " nodes would keep " + (nodes + graph.nodeCount())
                            + " nodes in registered graphs; the limit is " + maxNodes
                            + " (DELETE /graphs/{id} frees room)");
        }
        graphs.put(key, graph);
        nodes += graph.nodeCount();
        usage.merge(namespace, new Usage(1, graph.nodeCount()), Usage::plus);
        return true;
    }

    @Override
    public Optional<ParsedGraph> find(String namespace, String id) {
        return Optional.ofNullable(graphs.get(new Key(namespace, id)));
    }

    @Override
    public synchronized boolean remove(String namespace, String id) {
        ParsedGraph removed = graphs.remove(new Key(namespace, id));
        if (removed == null) {
            return false;
        }
        nodes -= removed.nodeCount();
        usage.merge(namespace, new Usage(-1, -removed.nodeCount()), Usage::plus);
        return true;
    }

    /** How many graphs {@code namespace} keeps; for metrics. */
    public long graphs(String namespace) {
        return usage.getOrDefault(namespace, new Usage(0, 0)).graphs();
    }

    /** How many nodes the graphs that {@code namespace} keeps have; for metrics. */
    public long nodes(String namespace) {
        return usage.getOrDefault(namespace, new Usage(0, 0)).nodes();
    }
}
