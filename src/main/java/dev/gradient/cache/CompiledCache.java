package dev.gradient.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.config.CacheProperties;
import dev.gradient.engine.Compiled;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.tensor.Shape;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Compiled graphs, keyed by graph id and input shapes: a graph is typed, expanded and
 * checked against the limits once per shape of its inputs, and the derivative graphs that
 * {@link Compiled} builds on demand are kept with it. Bounded by
 * {@code gradient.cache.max-nodes} (an entry weighs its shaped graph's node count when it is
 * added); reported to Micrometer as the cache {@code gradient.compiled}.
 */
@Component
public final class CompiledCache {

    private record Key(String graphId, List<Shape> shapes) {
    }

    private final Cache<Key, Compiled> cache;
    private final BuildLimits limits;
    private final Timer compiling;

    /** A cache bounded by {@code properties} whose graphs obey {@code limits}, with statistics bound to {@code meters}. */
    public CompiledCache(CacheProperties properties, BuildLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxNodes())
                .weigher((Key key, Compiled value) -> value.graph().size())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "gradient.compiled");
        this.compiling = StageTimers.compile(meters);
    }

    /**
     * {@code graph} compiled for inputs of shapes {@code inputShapes} (in input order): from the
     * cache, or compiled now. Compile errors ({@code GradientException})
     * pass through and are not cached. A compile is timed ({@code gradient.compile}).
     */
    public Compiled get(ParsedGraph graph, Shape[] inputShapes) {
        return cache.get(new Key(graph.id(), List.of(inputShapes)),
                k -> compiling.record(() -> new Compiled(GraphCompiler.compile(graph.graph(), inputShapes, limits), limits)));
    }
}
