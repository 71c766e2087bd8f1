package dev.gradient.redis;

import dev.gradient.cache.RegisteredGraph;
import dev.gradient.cache.RegistryUsage;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link GraphStore} in maps, a sorted one of ids per namespace, shared by the registries of a test as Redis is by replicas; it can be taken down. Every method
 * holds the store's lock, as a Redis script runs alone.
 */
final class MapGraphStore implements GraphStore {

    private record Stored(String json, int nodes, long createdMillis) {
    }

    private final Map<String, NavigableMap<String, Stored>> namespaces = new TreeMap<>();
    private volatile boolean down;

    /** From now on, every call fails as an unreachable Redis does ({@code true}), or works again. */
    void down(boolean down) {
        this.down = down;
    }

    /** How many nodes are kept, over every namespace. */
    synchronized long keptNodes() {
        return namespaces.values().stream().flatMap(graphs -> graphs.values().stream()).mapToLong(Stored::nodes).sum();
    }

    @Override
    public synchronized PutResult put(String namespace, String id, String json, int count, long createdMillis,
            long maxNodes, long maxNamespaceNodes) {
        reachable();
        long kept = keptNodes();
        long used = usage(namespace).nodes();
        NavigableMap<String, Stored> graphs = namespaces.computeIfAbsent(namespace, n -> new TreeMap<>());
        if (graphs.containsKey(id)) {
            return new PutResult(Outcome.PRESENT, kept, used);
        }
        if (used + count > maxNamespaceNodes) {
            return new PutResult(Outcome.OVER_QUOTA, kept, used);
        }
        if (kept + count > maxNodes) {
            return new PutResult(Outcome.FULL, kept, used);
        }
        graphs.put(id, new Stored(json, count, createdMillis));
        return new PutResult(Outcome.ADDED, kept, used);
    }

    @Override
    public synchronized Optional<String> get(String namespace, String id) {
        reachable();
        return Optional.ofNullable(namespaces.getOrDefault(namespace, new TreeMap<>()).get(id)).map(Stored::json);
    }

    @Override
    public synchronized boolean contains(String namespace, String id) {
        reachable();
        return namespaces.getOrDefault(namespace, new TreeMap<>()).containsKey(id);
    }

    @Override
    public synchronized boolean delete(String namespace, String id) {
        reachable();
        return namespaces.getOrDefault(namespace, new TreeMap<>()).remove(id) != null;
    }

    @Override
    public synchronized List<RegisteredGraph> list(String namespace, String after, int count) {
        reachable();
        NavigableMap<String, Stored> graphs = namespaces.getOrDefault(namespace, new TreeMap<>());
        List<RegisteredGraph> found = new ArrayList<>();
        for (Map.Entry<String, Stored> e : (after == null ? graphs : graphs.tailMap(after, false)).entrySet()) {
            if (found.size() == count) {
                break;
            }
            found.add(new RegisteredGraph(e.getKey(), e.getValue().nodes(), Instant.ofEpochMilli(e.getValue().createdMillis())));
        }
        return found;
    }

    @Override
    public synchronized RegistryUsage usage(String namespace) {
        reachable();
        NavigableMap<String, Stored> graphs = namespaces.getOrDefault(namespace, new TreeMap<>());
        return new RegistryUsage(graphs.size(), graphs.values().stream().mapToLong(Stored::nodes).sum());
    }

    @Override
    public void ping() {
        reachable();
    }

    private void reachable() {
        if (down) {
            throw new GradientException(ErrorCode.REGISTRY_UNAVAILABLE, "the test store is down");
        }
    }
}
