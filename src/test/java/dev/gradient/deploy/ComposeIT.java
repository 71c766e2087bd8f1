package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack of {@code docker-compose.yml} (two replicas, Redis, HAProxy) comes up, serves a
 * registered graph by id through the load balancer, and keeps serving every request after one
 * replica is stopped. Runs the file as it is, with the image under test and a free port.
 */
@EnabledWithDocker
class ComposeIT {

    static Compose compose;
    static Api api;

    @BeforeAll
    static void up() {
        int port = freePort();
        compose = Compose.find("gradient-it-" + ProcessHandle.current().pid(),
                Map.of("GRADIENT_IMAGE", GradientImage.name(), "GRADIENT_PORT", Integer.toString(port))).orElse(null);
        assumeTrue(compose != null, "Skipped: no Docker Compose command (docker compose or docker-compose) is installed");
        compose.run("up", "-d", "--no-build");
        api = new Api("127.0.0.1", port);
        awaitHealthy();
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.run("down", "-v");
        }
    }

    @Test
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
            sleep();
        }
        throw new IllegalStateException("the compose stack did not become healthy:\n" + compose.run("ps") + compose.run("logs"));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
