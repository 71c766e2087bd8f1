package dev.gradient.redis;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
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
 * colon, so the two forms cannot meet) with the fields {@code graph} (the canonical JSON) and {@code nodes}; the string
 * {@code gradient:{registry}:nodes} is the total over all graphs, which bounds the registry
 * as {@code gradient.limits.max-registered-nodes} does in process.
 *
 * <p>Adding and removing are Lua scripts, so that a graph and the total change together even
 * with many replicas. The braces are a Redis Cluster hash tag: every key lands in one slot, as
 * scripts that touch several keys require.
 */
final class RedisGraphStore implements GraphStore {

    private static final String PREFIX = "gradient:{registry}:";
    private static final String TOTAL = PREFIX + "nodes";

    /** Answers {outcome, kept}: the outcome as the ordinal of {@link Outcome}, and the nodes kept before. */
    private static final RedisScript<List> PUT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return {1, 0} end
            local kept = tonumber(redis.call('GET', KEYS[2]) or '0')
            if kept + tonumber(ARGV[2]) > tonumber(ARGV[3]) then return {2, kept} end
            redis.call('HSET', KEYS[1], 'graph', ARGV[1], 'nodes', ARGV[2])
            redis.call('INCRBY', KEYS[2], ARGV[2])
            return {0, kept}
            """, List.class);

    private static final RedisScript<Long> DELETE = RedisScript.of("""
            local nodes = redis.call('HGET', KEYS[1], 'nodes')
            if not nodes then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('DECRBY', KEYS[2], nodes)
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    /** A store that talks to Redis through {@code redis}. */
    RedisGraphStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public PutResult put(String namespace, String id, String json, int nodes, long maxNodes) {
        List<?> result = call("register graph " + id, () -> redis.execute(PUT, List.of(key(namespace, id), TOTAL), json,
                Integer.toString(nodes), Long.toString(maxNodes)));
        Outcome outcome = Outcome.values()[((Number) result.get(0)).intValue()];
        return new PutResult(outcome, ((Number) result.get(1)).longValue());
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
        return call("delete graph " + id, () -> redis.execute(DELETE, List.of(key(namespace, id), TOTAL))) == 1L;
    }

    @Override
    public void ping() {
        call("reach Redis", () -> redis.execute(connection -> connection.ping(), true));
    }

    static String key(String namespace, String id) {
        return namespace.isEmpty() ? PREFIX + "graph:" + id : PREFIX + "tenant:" + namespace + ":graph:" + id;
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
