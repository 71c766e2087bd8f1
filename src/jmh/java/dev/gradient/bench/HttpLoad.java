package dev.gradient.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP throughput of a running service, measured from a second process on loopback: requests
 * per second and p50/p99 latency of a small cached gradient request (the 2-D Rosenbrock
 * function registered once, used by id) at 1 and 64 connections, then gradient points per
 * second for batches of 100,000 points. Every loop is bounded in time and count.
 *
 * <p>Run: start the service with a batch limit that admits the batch and without the rate limit,
 * which would (rightly) slow a load generator ({@code ./mvnw spring-boot:run
 * -Dspring-boot.run.arguments="--gradient.limits.max-points=100000 --gradient.rate-limit.enabled=false"}),
 * then {@code ./mvnw -Pbench test-compile exec:exec@http-load} (base URL in {@code -Dload.url}).
 */
public final class HttpLoad {

    private static final Duration PHASE = Duration.ofSeconds(15);
    private static final int BATCH_POINTS = 100_000;
    private static final int BATCH_REPEATS = 5;
    private static final int BATCH_WARMUPS = 5;
    private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private HttpLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        URI uri = URI.create(base);
        if (!uri.getHost().equals("localhost") && !uri.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("load goes to loopback only, not " + uri.getHost());
        }
        new HttpLoad(base).run();
    }

    private void run() throws Exception {
        String id = register();
        String body = "{\"graphId\": \"" + id + "\", \"at\": {\"x\": -1.2, \"y\": 1.0}}";
        post("/gradient", body); // warm the compiled graph
        for (int connections : new int[] {1, 64}) {
            phase(body, connections, Duration.ofSeconds(5)); // warm-up, not reported
            report(connections, phase(body, connections, PHASE));
        }
        batches(id);
    }

    private String register() throws Exception {
        String graph = "{\"graph\": {\"inputs\": [{\"name\": \"x\"}, {\"name\": \"y\"}],"
                + " \"nodes\": [{\"id\": \"f\", \"expr\": \"(1 - x)^2 + 100 * (y - x^2)^2\"}], \"outputs\": [\"f\"]}}";
        Matcher m = Pattern.compile("\"graphId\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(post("/graphs", graph).body());
        if (!m.find()) {
            throw new IllegalStateException("no graphId in the registration response");
        }
        return m.group(1);
    }

    /** Latencies in nanoseconds of every request sent by {@code connections} threads for {@code length}. */
    private long[] phase(String body, int connections, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                long[] samples = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline && count < MAX_SAMPLES_PER_THREAD) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = post("/gradient", body);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("unexpected status " + response.statusCode());
                    }
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private void report(int connections, long[] latencies) {
        double seconds = PHASE.toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "gradient by id, %2d connections: %8.0f requests/s, p50 %6.3f ms, p99 %6.3f ms (%d requests)%n",
                connections, latencies.length / seconds, percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6, latencies.length);
    }

    private void batches(String id) throws Exception {
        StringBuilder body = new StringBuilder("{\"graphId\": \"").append(id).append("\", \"points\": [");
        for (int i = 0; i < BATCH_POINTS; i++) {
            double x = -2 + 4.0 * (i % 1000) / 1000;
            double y = -1 + 3.0 * (i / 1000) / 100;
            body.append(i == 0 ? "" : ",").append("{\"x\":").append(x).append(",\"y\":").append(y).append('}');
        }
        String text = body.append("]}").toString();
        for (int w = 0; w < BATCH_WARMUPS; w++) {
            post("/gradient", text); // let the JIT compile the per-point path first
        }
        long best = Long.MAX_VALUE;
        for (int r = 0; r < BATCH_REPEATS; r++) {
            long start = System.nanoTime();
            HttpResponse<String> response = post("/gradient", text);
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
            }
            best = Math.min(best, elapsed);
        }
        System.out.printf(Locale.ROOT, "gradient batch of %d points: best of %d %.1f ms, %.0f points/s%n",
                BATCH_POINTS, BATCH_REPEATS, best / 1e6, BATCH_POINTS / (best / 1e9));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
