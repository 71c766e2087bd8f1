package dev.gradient.redis;

import dev.gradient.cache.GraphRegistry;
import dev.gradient.cache.GraphRegistryContract;
import dev.gradient.config.TenantQuotas;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** {@link GraphRegistryContract} for replicas of the shared registry on one in-memory store: its logic, without a Redis. */
class SharedRegistryOnMapStoreTest extends GraphRegistryContract {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65536, 256, 200000));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MapGraphStore store = new MapGraphStore();

    @Override
    protected List<GraphRegistry> replicas(int count, long maxNodes, TenantQuotas quotas) {
        return Stream.generate(() -> (GraphRegistry) new SharedGraphRegistry(store,
                text -> PARSER.graph(JSON.readTree(text), ""), maxNodes, quotas, clock, 1_000_000,
                new SimpleMeterRegistry())).limit(count).toList();
    }
}
