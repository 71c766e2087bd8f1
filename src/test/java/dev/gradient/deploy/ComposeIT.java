package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The stack of {@code docker-compose.yml} (two replicas, Redis, HAProxy, Prometheus) comes up;
 * Prometheus scrapes both replicas; traffic through the load balancer loses no request and no
 * graph while a replica is killed and started again; and requests by id keep succeeding after
 * one replica is stopped. Runs the file as it is, with the image under test and free ports.
 * Ordered, because the later tests kill and stop a replica.
 */
@EnabledWithDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {

    private static final List<String> REPLICAS = List.of("app-1:8080", "app-2:8080");

    static Compose compose;
    static Api api;
    static PrometheusQueries prometheus;

    @BeforeAll
    static void up() {
        int port = freePort();
        int prometheusPort = freePort();
        compose = Compose.find("gradient-it-" + ProcessHandle.current().pid(),
                Map.of("GRADIENT_IMAGE", GradientImage.name(), "GRADIENT_PORT", Integer.toString(port),
                        "GRADIENT_PROMETHEUS_PORT", Integer.toString(prometheusPort))).orElse(null);
        assumeTrue(compose != null, "Skipped: no Docker Compose command (docker compose or docker-compose) is installed");
        compose.run("up", "-d", "--no-build");
        api = new Api("127.0.0.1", port);
        prometheus = new PrometheusQueries(new Api("127.0.0.1", prometheusPort));
        awaitHealthy();
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.run("down", "-v");
        }
    }

    @Test
    @Order(1)
    void prometheusHasTheServiceSeriesOfBothReplicas() {
        String query = "count by (instance) ({job=\"gradient\", __name__=~\"gradient_.+\"})";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        Map<String, Double> series = prometheus.byLabel(query, "instance");
        while (!series.keySet().containsAll(REPLICAS) && Instant.now().isBefore(deadline)) {
            Pause.briefly();
            series = prometheus.byLabel(query, "instance");
        }
        assertThat(series).as("gradient_* series per scraped replica").containsOnlyKeys(REPLICAS);
        assertThat(series.values()).allSatisfy(count -> assertThat(count).isPositive());
        // the caches' series, under the service's prefix, on both
        assertThat(prometheus.byLabel("count by (instance) (gradient_cache_gets_total{cache=\"gradient.sources\"})",
                "instance")).containsOnlyKeys(REPLICAS);
    }

    @Test
    @Order(2)
    void trafficLosesNoRequestAndNoGraphWhileAReplicaIsKilledAndStartedAgain() throws InterruptedException {
        String replica = compose.run("ps", "-q", "app-1").strip();
        SteadyTraffic traffic = new SteadyTraffic(api, 4, 100_000);
        Instant started = Instant.now();
        traffic.start();
        traffic.awaitCompleted(500, Duration.ofMinutes(2));
        int beforeKill = traffic.completed();
        Instant killed = Instant.now();
        ContainerControl.kill(replica);
        // app-2 alone for a while, then app-1 again, as a restart policy or an operator would bring it back
        traffic.awaitCompleted(beforeKill + 500, Duration.ofMinutes(2));
        ContainerControl.start(replica);
        ContainerControl.awaitHealthy(replica);
        Instant healthy = Instant.now();
        int beforeRejoin = traffic.completed();
        traffic.awaitCompleted(Math.max(2_000, beforeRejoin + 500), Duration.ofMinutes(2));
        SteadyTraffic.Tally tally = traffic.stop();
        Instant stopped = Instant.now();

        assertThat(tally.failures()).as(() -> "failed requests of " + tally.requests() + " (kill after " + beforeKill
                + ", healthy again after " + beforeRejoin + "); the load balancer's log:\n" + compose.run("logs", "--no-color", "lb"))
                .isEmpty();
        assertThat(tally.requests()).isGreaterThanOrEqualTo(2_000);
        List<String> lost = tally.registered().keySet().stream()
                .filter(id -> api.get("/graphs/" + id).status() != 200).toList();
        assertThat(lost).as("graphs registered with a 2xx, of %d", tally.registered().size()).isEmpty();
        assertThat(gradientRequestsServedBy("app-1")).as("requests app-1 served after its restart").isPositive();
        System.out.printf("FAILOVER: %d requests (%d registrations, %d gradients by id) from 4 threads in %d s,"
                + " %d failed, %d retried by the load balancer; %d before the kill, %d with app-1 down for %d s"
                + " (killed to healthy), %d after; slowest %d ms; %d registered graphs all found%n",
                tally.requests(), tally.registrations(), tally.gradients(), Duration.between(started, stopped).toSeconds(),
                tally.failures().size(), retriedRequests(), beforeKill, beforeRejoin - beforeKill,
                Duration.between(killed, healthy).toSeconds(), tally.requests() - beforeRejoin, tally.slowestMillis(),
                tally.registered().size());
    }

    @Test
    @Order(3)
    void requestsByIdThroughTheLoadBalancerKeepSucceedingWhenAReplicaStops() {
        String id = api.register("log(1 + exp(-x * y))");
        String request = "{'graphId': '" + id + "', 'at': {'x': 0.5, 'y': 2}}";
        // round robin: consecutive requests reach both replicas
        for (int i = 0; i < 6; i++) {
            Api.Reply reply = api.post("/gradient", request);
            assertThat(reply.status()).as("request %d with both replicas: %s", i, reply.body()).isEqualTo(200);
        }
        compose.run("stop", "app-1");
        for (int i = 0; i < 6; i++) {
            Api.Reply reply = api.post("/gradient", request);
            assertThat(reply.status()).as("request %d with one replica: %s", i, reply.body()).isEqualTo(200);
            // d/dx log(1 + e^(-xy)) = -y * sigmoid(-xy) at x = 0.5, y = 2
            assertThat(reply.json().path("gradient").path("x").asDouble())
                    .isCloseTo(-2 / (1 + Math.E), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /** The {@code POST /gradient} requests that {@code service} answered since it started, from its own scrape. */
    private static double gradientRequestsServedBy(String service) {
        String scrape = compose.run("exec", "-T", service, "wget", "-q", "-O", "-", "http://127.0.0.1:8080/actuator/prometheus");
        return scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/gradient\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The requests that HAProxy's log shows as retried: the last of its connection counts, "+1" or more, before the queues. */
    private static long retriedRequests() {
        Pattern retried = Pattern.compile("/\\+?[1-9][0-9]* [0-9]+/[0-9]+ \"");
        return compose.run("logs", "--no-color", "lb").lines().filter(line -> retried.matcher(line).find()).count();
    }

    /** Waits until the load balancer answers its health check through a replica; startup on a busy machine varies. */
    private static void awaitHealthy() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // the load balancer is not listening yet
            }
            Pause.briefly();
        }
        throw new IllegalStateException("the compose stack did not become healthy:\n" + compose.run("ps") + compose.run("logs"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
