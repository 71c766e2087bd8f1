package dev.gradient.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.cache.GraphRegistry;
import dev.gradient.cache.GraphRegistryContract;
import dev.gradient.cache.RegistryUsage;
import dev.gradient.config.RegistryProperties;
import dev.gradient.config.TenantQuotas;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link GraphRegistryContract} for the shared registry on a real Redis ({@link TestRedis}):
 * its Lua scripts, and replicas each on a connection of its own, registering at once, that
 * cannot pass a quota together. Skipped, saying why, where no Redis can be had.
 */
class RedisGraphRegistryTest extends GraphRegistryContract {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65536, 256, 200000));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestRedis redis;
    private final List<StringRedisTemplate> clients = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(client -> ((LettuceConnectionFactory) client.getRequiredConnectionFactory()).destroy());
    }

    private StringRedisTemplate client() {
        StringRedisTemplate client = redis.client();
        clients.add(client);
        return client;
    }

    @Override
    protected List<GraphRegistry> replicas(int count, long maxNodes, TenantQuotas quotas) {
        List<GraphRegistry> replicas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replicas.add(new SharedGraphRegistry(new RedisGraphStore(client()), text -> PARSER.graph(JSON.readTree(text), ""),
                    maxNodes, quotas, clock, 1_000_000, new SimpleMeterRegistry()));
        }
        return replicas;
    }

    @Test
    void aGraphKeptBeforeQuotasIsCountedAndListedOnceRegisteredAgain() {
        ParsedGraph g = graph("x * exp(-y)");
        StringRedisTemplate redis = client();
        // what the registry wrote before namespaces had a count and an index
        redis.opsForHash().putAll(RedisGraphStore.key(RegistryProperties.DEFAULT_NAMESPACE, g.id()),
                Map.of("graph", CanonicalForm.toJson(g.graph()).toString(), "nodes", Integer.toString(g.nodeCount())));
        redis.opsForValue().set("gradient:{registry}:nodes", Integer.toString(g.nodeCount()));
        GraphRegistry registry = replicas(1, 1000, TenantQuotas.uniform(1000)).get(0);
        assertThat(registry.find(RegistryProperties.DEFAULT_NAMESPACE, g.id())).isPresent();
        assertThat(registry.register(RegistryProperties.DEFAULT_NAMESPACE, g)).isFalse();
        assertThat(registry.usage(RegistryProperties.DEFAULT_NAMESPACE)).isEqualTo(new RegistryUsage(1, g.nodeCount()));
        assertThat(registry.list(RegistryProperties.DEFAULT_NAMESPACE, null, 10).graphs()).singleElement()
                .satisfies(listed -> assertThat(listed.id()).isEqualTo(g.id()));
        assertThat(registry.remove(RegistryProperties.DEFAULT_NAMESPACE, g.id())).isTrue();
        assertThat(registry.usage(RegistryProperties.DEFAULT_NAMESPACE)).isEqualTo(RegistryUsage.NONE);
        assertThat(redis.opsForValue().get("gradient:{registry}:nodes")).isEqualTo("0");
    }

    @Test
    void deletingAGraphKeptBeforeQuotasLeavesTheNamespacesCountAlone() {
        ParsedGraph old = graph("sin(x) + y");
        ParsedGraph fresh = graph("cos(x) + y");
        StringRedisTemplate redis = client();
        redis.opsForHash().putAll(RedisGraphStore.key("acme", old.id()),
                Map.of("graph", CanonicalForm.toJson(old.graph()).toString(), "nodes", Integer.toString(old.nodeCount())));
        redis.opsForValue().set("gradient:{registry}:nodes", Integer.toString(old.nodeCount()));
        GraphRegistry registry = replicas(1, 1000, TenantQuotas.uniform(1000)).get(0);
        registry.register("acme", fresh);
        assertThat(registry.remove("acme", old.id())).isTrue();
        assertThat(registry.usage("acme")).isEqualTo(new RegistryUsage(1, fresh.nodeCount()));
    }
}
