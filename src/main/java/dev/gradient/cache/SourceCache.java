package dev.gradient.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.config.CacheProperties;
import dev.gradient.graph.ParsedGraph;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Parsed inline sources ({@code expression} and {@code graph} fields), keyed by the SHA-256
 * of the source's raw text, so that a client who sends the same source on every call pays
 * for parsing once. Bounded by {@code gradient.cache.max-nodes}; reported to Micrometer as
 * the cache {@code gradient.sources}.
 *
 * <p>An entry holds the graph parsed from exactly that text rather than sharing one graph per
 * id: a graph's origins (the pointers and character positions that errors report) belong to
 * the text it was parsed from, and two texts with the same canonical form may differ there.
 */
@Component
public final class SourceCache {

    private final Cache<String, ParsedGraph> cache;
    private final MeterRegistry meters;

    /** A cache bounded by {@code properties}, with its statistics bound to {@code meters}. */
    public SourceCache(CacheProperties properties, MeterRegistry meters) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxNodes())
                .weigher((String key, ParsedGraph value) -> value.nodeCount())
                .recordStats()
                .build();
        this.meters = meters;
        CaffeineCacheMetrics.monitor(meters, cache, "gradient.sources");
    }

    /**
     * The graph parsed from {@code text}, which is a source of kind {@code kind} (such as
     * {@code "expression"}): from the cache, or from {@code parse}, whose exceptions pass
     * through and are not cached. A parse is timed ({@code gradient.parse}).
     */
    public ParsedGraph get(String kind, String text, Supplier<ParsedGraph> parse) {
        return cache.get(key(kind, text), k -> StageTimers.parse(meters, kind).record(parse));
    }

    /** How many sources are cached; for tests and diagnostics. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String key(String kind, String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(kind.getBytes(StandardCharsets.UTF_8));
            // a separator no kind contains, so that kind and text cannot run into each other
            sha256.update((byte) 0);
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
