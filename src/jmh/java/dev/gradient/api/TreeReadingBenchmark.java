package dev.gradient.api;

import dev.gradient.error.Pointer;
import dev.gradient.parse.ArrayLimits;
import dev.gradient.parse.Values;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a request body the way the service did before the streaming reader: the whole body
 * into a Jackson tree, then every value of {@code at} or {@code points} from the tree into
 * doubles. It uses only what both the old and the new code have, so that the same class runs
 * on the code before the change ({@code git archive} of that commit) for the "before" figures;
 * on the new code {@code Values.fromJson} reads the tree through its token stream.
 * {@link StreamReadingBenchmark} is the "after". Run with {@code -prof gc} for the bytes
 * allocated per body.
 */
public class TreeReadingBenchmark extends RequestReading {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ArrayLimits limits = new ArrayLimits(1_000_000, 64);

    /** The tree, then every value read from it; the number of doubles read. */
    @Benchmark
    public long tree() {
        JsonNode root = json.readTree(bytes);
        JsonNode points = root.get("points");
        if (points == null) {
            return named(root.get("at"), "/at", limits);
        }
        if (points.isObject()) {
            return named(points, "/points", limits.stacked(RequestBodies.BATCH));
        }
        long n = 0;
        for (int p = 0; p < points.size(); p++) {
            n += named(points.get(p), Pointer.child("/points", p), limits);
        }
        return n;
    }

    private static long named(JsonNode object, String pointer, ArrayLimits limits) {
        long n = 0;
        for (Map.Entry<String, JsonNode> value : object.properties()) {
            n += Values.fromJson(value.getValue(), Pointer.child(pointer, value.getKey()), limits).values().length;
        }
        return n;
    }
}
