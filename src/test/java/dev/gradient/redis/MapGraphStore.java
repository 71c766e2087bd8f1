package dev.gradient.redis;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link GraphStore} in a map (keyed as Redis is, by {@link RedisGraphStore#key}), shared by the registries of a test as Redis is by replicas; it can be taken down. */
final class MapGraphStore implements GraphStore {

    private final Map<String, String> graphs = new ConcurrentHashMap<>();
    private final Map<String, Integer> nodes = new ConcurrentHashMap<>();
    private volatile boolean down;

    /** From now on, every call fails as an unreachable Redis does ({@code true}), or works again. */
    void down(boolean down) {
        this.down = down;
    }

    /** How many nodes are kept. */
    long keptNodes() {
        return nodes.values().stream().mapToLong(Integer::longValue).sum();
    }

    @Override
    public synchronized PutResult put(String namespace, String id, String json, int count, long maxNodes) {
        reachable();
        String key = RedisGraphStore.key(namespace, id);
        long kept = keptNodes();
        if (graphs.containsKey(key)) {
            return new PutResult(Outcome.PRESENT, kept);
        }
        if (kept + count > maxNodes) {
            return new PutResult(Outcome.FULL, kept);
        }
        graphs.put(key, json);
        nodes.put(key, count);
        return new PutResult(Outcome.ADDED, kept);
    }

    @Override
    public Optional<String> get(String namespace, String id) {
        reachable();
        return Optional.ofNullable(graphs.get(RedisGraphStore.key(namespace, id)));
    }

    @Override
    public boolean contains(String namespace, String id) {
        reachable();
        return graphs.containsKey(RedisGraphStore.key(namespace, id));
    }

    @Override
    public synchronized boolean delete(String namespace, String id) {
        reachable();
        String key = RedisGraphStore.key(namespace, id);
        nodes.remove(key);
        return graphs.remove(key) != null;
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
