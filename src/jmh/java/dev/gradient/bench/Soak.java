package dev.gradient.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load soak of a running service on loopback: 64 connections send a mix of cached
 * gradients by id, inline expressions, batches, Jacobians, Hessians and bad requests for 60
 * seconds, then it reports throughput and p50/p99 latency per kind, every status other than
 * the expected one (the target is none), and the service's heap after a full GC before and
 * after (through {@link Heap}, so the service's PID is needed). Exits with 1 if any status was
 * unexpected.
 *
 * <p>Run: start the service ({@code java -Xmx1g -jar target/gradient-*.jar}), then
 * {@code ./mvnw -Pbench test-compile exec:exec@soak -Dsoak.pid=<pid>} (base URL in
 * {@code -Dload.url}, length in {@code -Dsoak.seconds}, connections in {@code -Dsoak.connections}).
 */
public final class Soak {

    private static final Pattern GRAPH_ID = Pattern.compile("\"graphId\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private Soak(String base) {
        this.base = base;
    }

    /** Soaks the service at {@code args[0]} (default {@code http://localhost:8080}); see the class comment for the properties. */
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String host = URI.create(base).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.")) {
            throw new IllegalArgumentException("load goes to loopback only, not " + host);
        }
        String pid = System.getProperty("soak.pid", "");
        if (pid.isBlank()) {
            throw new IllegalArgumentException("-Dsoak.pid=<the service's PID> is needed to read its heap with jcmd");
        }
        Duration length = Duration.ofSeconds(Long.getLong("soak.seconds", 60));
        int connections = Integer.getInteger("soak.connections", 64);
        boolean clean = new Soak(base).run(new Heap(Long.parseLong(pid.trim())), length, connections);
        System.exit(clean ? 0 : 1);
    }

    private boolean run(Heap heap, Duration length, int connections) throws Exception {
        String graphId = register();
        for (SoakKind kind : SoakKind.values()) {
            send(kind.next(graphId)); // compile and warm each path once before measuring the heap
        }
        long heapBefore = heap.usedAfterFullGc();
        List<SoakTally> tallies = traffic(graphId, length, connections);
        long heapAfter = heap.usedAfterFullGc();

        System.out.printf(Locale.ROOT, "soak: %d s, %d connections, %s%n", length.toSeconds(), connections, base);
        System.out.printf(Locale.ROOT, "%-18s %10s %10s %10s %10s%n", "kind", "requests", "per s", "p50 ms", "p99 ms");
        long total = 0;
        for (SoakKind kind : SoakKind.values()) {
            long[] sorted = SoakTally.sortedLatencies(kind, tallies);
            total += sorted.length;
            System.out.printf(Locale.ROOT, "%-18s %10d %10.0f %10.3f %10.3f%n", kind, sorted.length,
                    sorted.length / (double) length.toSeconds(), percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-18s %10d %10.0f%n", "all", total, total / (double) length.toSeconds());
        System.out.printf(Locale.ROOT, "heap after a full GC: %.1f MiB before, %.1f MiB after%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0);
        Map<String, String> unexpected = SoakTally.unexpected(tallies);
        System.out.println("unexpected statuses: " + (unexpected.isEmpty() ? "none" : unexpected.size() + " kinds"));
        unexpected.forEach((what, detail) -> System.out.println("  " + what + ": " + detail));
        return unexpected.isEmpty();
    }

    private List<SoakTally> traffic(String graphId, Duration length, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long deadline = System.nanoTime() + length.toNanos();
        SoakKind[] kinds = SoakKind.values();
        List<Future<SoakTally>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            workers.add(pool.submit(() -> {
                SoakTally tally = new SoakTally();
                // each worker walks the kinds in turn from its own offset, so the mix is even at every moment
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    SoakKind kind = kinds[i % kinds.length];
                    SoakKind.Request request = kind.next(graphId);
                    long start = System.nanoTime();
                    HttpResponse<String> response;
                    try {
                        response = send(request);
                    } catch (IOException e) {
                        tally.unexpected(kind + " " + request.path() + " -> " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                        continue;
                    }
                    tally.record(kind, System.nanoTime() - start);
                    if (response.statusCode() != request.expectedStatus()) {
                        tally.unexpected(kind + " " + request.path() + " -> " + response.statusCode()
                                + " (expected " + request.expectedStatus() + ")", response.body());
                    }
                }
                return tally;
            }));
        }
        List<SoakTally> tallies = new ArrayList<>();
        for (Future<SoakTally> worker : workers) {
            tallies.add(worker.get());
        }
        pool.shutdown();
        return tallies;
    }

    private String register() throws Exception {
        String graph = "{\"graph\": {\"inputs\": [{\"name\": \"x\"}, {\"name\": \"y\"}],"
                + " \"nodes\": [{\"id\": \"f\", \"expr\": \"(1 - x)^2 + 100 * (y - x^2)^2\"}], \"outputs\": [\"f\"]}}";
        HttpResponse<String> response = send(new SoakKind.Request("/graphs", "application/json", graph, 201));
        Matcher m = GRAPH_ID.matcher(response.body());
        // 201 when new, 200 when a previous run registered the same graph (the id is its content hash)
        if (response.statusCode() / 100 != 2 || !m.find()) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(SoakKind.Request request) throws IOException, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(URI.create(base + request.path())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", request.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build();
        return client.send(http, HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
