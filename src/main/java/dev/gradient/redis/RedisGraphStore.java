package dev.gradient.redis;

import dev.gradient.cache.RegisteredGraph;
import dev.gradient.cache.RegistryUsage;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link GraphStore} in Redis. Each graph is a hash {@code gradient:{registry}:graph:<id>}
 * (the default namespace, as before tenants existed, so that data kept then is still found)
 * or {@code gradient:{registry}:tenant:<tenant>:graph:<id>} (a tenant's; tenant names hold no
 * colon, so the two forms cannot meet) with the fields {@code graph} (the canonical JSON),
 * {@code nodes} and {@code created} (epoch milliseconds). The string {@code gradient:{registry}:nodes}
 * is the total over all graphs, which bounds the registry as
 * {@code gradient.limits.max-registered-nodes} does in process. Each namespace also has, under its
 * prefix ({@code gradient:{registry}:} or {@code gradient:{registry}:tenant:<tenant>:}), the string
 * {@code used-nodes}, its own total, which its quota bounds, and the sorted set {@code ids}, its ids
 * (all with score 0, so ordered by id), which {@code GET /graphs} pages through.
 *
 * <p>Adding, removing and listing are Lua scripts, so that a graph, the totals and the index change
 * together even with many replicas: two replicas cannot both pass a check that only one of them
 * should. The braces are a Redis Cluster hash tag: every key lands in one slot, as scripts that
 * touch several keys require. A graph kept before namespaces had an index is taken into its
 * namespace's index and count when it is registered again.
 */
final class RedisGraphStore implements GraphStore {

    private static final String PREFIX = "gradient:{registry}:";
    private static final String TOTAL = PREFIX + "nodes";

    /**
     * KEYS: graph, total, namespace's used nodes, namespace's ids; ARGV: json, nodes, max total,
     * quota, created, id. Answers {outcome, kept, used}: the outcome as the ordinal of {@link Outcome},
     * and the nodes kept before, in all and by the namespace.
     */
    private static final RedisScript<List> PUT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              if redis.call('ZADD', KEYS[4], 'NX', 0, ARGV[6]) == 1 then
                redis.call('INCRBY', KEYS[3], redis.call('HGET', KEYS[1], 'nodes'))
                redis.call('HSETNX', KEYS[1], 'created', ARGV[5])
              end
              return {1, 0, 0}
            end
            local kept = tonumber(redis.call('GET', KEYS[2]) or '0')
            local used = tonumber(redis.call('GET', KEYS[3]) or '0')
            local nodes = tonumber(ARGV[2])
            if used + nodes > tonumber(ARGV[4]) then return {3, kept, used} end
            if kept + nodes > tonumber(ARGV[3]) then return {2, kept, used} end
            redis.call('HSET', KEYS[1], 'graph', ARGV[1], 'nodes', ARGV[2], 'created', ARGV[5])
            redis.call('INCRBY', KEYS[2], nodes)
            redis.call('INCRBY', KEYS[3], nodes)
            redis.call('ZADD', KEYS[4], 0, ARGV[6])
            return {0, kept, used}
            """, List.class);

    /** KEYS: graph, total, namespace's used nodes, namespace's ids; ARGV: id. Answers 1 where it deleted, else 0. */
    private static final RedisScript<Long> DELETE = RedisScript.of("""
            local nodes = redis.call('HGET', KEYS[1], 'nodes')
            if not nodes then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('DECRBY', KEYS[2], nodes)
            if redis.call('ZREM', KEYS[4], ARGV[1]) == 1 then redis.call('DECRBY', KEYS[3], nodes) end
            return 1
            """, Long.class);

    /**
     * KEYS: namespace's ids; ARGV: the lowest id as ZRANGEBYLEX takes it, count, the namespace's
     * graph key prefix. Answers id, nodes, created for each graph. The graph keys it reads are not
     * in KEYS, since they are known only from the index; they share its hash tag, so its slot.
     */
    private static final RedisScript<List> LIST = RedisScript.of("""
            local ids = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], '+', 'LIMIT', 0, tonumber(ARGV[2]))
            local found = {}
            for _, id in ipairs(ids) do
              local fields = redis.call('HMGET', ARGV[3] .. id, 'nodes', 'created')
              if fields[1] then
                table.insert(found, id)
                table.insert(found, fields[1])
                table.insert(found, fields[2] or '0')
              end
            end
            return found
            """, List.class);

    /** KEYS: namespace's ids, namespace's used nodes. Answers {graphs, nodes}. */
    private static final RedisScript<List> USAGE = RedisScript.of("""
            return {redis.call('ZCARD', KEYS[1]), tonumber(redis.call('GET', KEYS[2]) or '0')}
            """, List.class);

    private final StringRedisTemplate redis;

    /** A store that talks to Redis through {@code redis}. */
    RedisGraphStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public PutResult put(String namespace, String id, String json, int nodes, long createdMillis, long maxNodes,
            long maxNamespaceNodes) {
        List<?> result = call("register graph " + id, () -> redis.execute(PUT, namespaceKeys(namespace, id), json,
                Integer.toString(nodes), Long.toString(maxNodes), Long.toString(maxNamespaceNodes),
                Long.toString(createdMillis), id));
        Outcome outcome = Outcome.values()[(int) number(result.get(0))];
        return new PutResult(outcome, number(result.get(1)), number(result.get(2)));
    }

    @Override
    public Optional<String> get(String namespace, String id) {
        return Optional.ofNullable(call("read graph " + id,
                () -> redis.<String, String>opsForHash().get(key(namespace, id), "graph")));
    }

    @Override
    public boolean contains(String namespace, String id) {
        return Boolean.TRUE.equals(call("look up graph " + id, () -> redis.hasKey(key(namespace, id))));
    }

    @Override
    public boolean delete(String namespace, String id) {
        return call("delete graph " + id, () -> redis.execute(DELETE, namespaceKeys(namespace, id), id)) == 1L;
    }

    @Override
    public List<RegisteredGraph> list(String namespace, String after, int count) {
        String from = after == null ? "-" : "(" + after;
        List<?> found = call("list graphs", () -> redis.execute(LIST, List.of(prefix(namespace) + "ids"), from,
                Integer.toString(count), prefix(namespace) + "graph:"));
        List<RegisteredGraph> graphs = new ArrayList<>(found.size() / 3);
        for (int i = 0; i + 2 < found.size(); i += 3) {
            graphs.add(new RegisteredGraph(String.valueOf(found.get(i)), (int) number(found.get(i + 1)),
                    Instant.ofEpochMilli(number(found.get(i + 2)))));
        }
        return graphs;
    }

    @Override
    public RegistryUsage usage(String namespace) {
        List<?> usage = call("count graphs", () -> redis.execute(USAGE,
                List.of(prefix(namespace) + "ids", prefix(namespace) + "used-nodes")));
        return new RegistryUsage(number(usage.get(0)), number(usage.get(1)));
    }

    @Override
    public void ping() {
        call("reach Redis", () -> redis.execute(connection -> connection.ping(), true));
    }

    static String key(String namespace, String id) {
        return prefix(namespace) + "graph:" + id;
    }

    /** What every key of {@code namespace} starts with. */
    private static String prefix(String namespace) {
        return namespace.isEmpty() ? PREFIX : PREFIX + "tenant:" + namespace + ":";
    }

    /** The keys that adding and deleting {@code id} in {@code namespace} touch, in the scripts' order. */
    private static List<String> namespaceKeys(String namespace, String id) {
        return List.of(key(namespace, id), TOTAL, prefix(namespace) + "used-nodes", prefix(namespace) + "ids");
    }

    /** A number in a script's answer: an integer reply, or a string one. */
    private static long number(Object reply) {
        return reply instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(reply));
    }

    /** Runs {@code command}, turning Redis failures (down, timed out, refused) into the registry's own. */
    private static <T> T call(String what, Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException e) {
            throw GradientException.causedBy(ErrorCode.REGISTRY_UNAVAILABLE, "The shared graph registry (Redis) cannot " + what
                    + " now: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
