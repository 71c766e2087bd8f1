package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * Two containers of the image sharing one Redis: a graph registered through one is used by id
 * through the other, deleted through one it is gone from both, and the second keeps serving
 * when the first is stopped. Ordered, because the last test stops a replica.
 */
@EnabledWithDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRegistryIT {

    static Network network;
    static GenericContainer<?> redis;
    static GenericContainer<?> first;
    static GenericContainer<?> second;

    @BeforeAll
    static void start() {
        network = Network.newNetwork();
        redis = GradientImage.redis(network);
        redis.start();
        first = GradientImage.replica(network);
        second = GradientImage.replica(network);
        first.start();
        second.start();
    }

    @AfterAll
    static void stop() {
        second.stop();
        first.stop();
        redis.stop();
        network.close();
    }

    static Api api(GenericContainer<?> replica) {
        return new Api(replica.getHost(), replica.getMappedPort(8080));
    }

    @Test
    @Order(1)
    void aGraphRegisteredThroughOneReplicaIsUsedByIdThroughTheOther() {
        String id = api(first).register("x * exp(-y)");
        Api.Reply reply = api(second).post("/gradient", "{'graphId': '" + id + "', 'at': {'x': 2, 'y': 0}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("gradient").path("x").asDouble()).isEqualTo(1.0);
        assertThat(reply.json().path("gradient").path("y").asDouble()).isEqualTo(-2.0);
    }

    @Test
    @Order(2)
    void aGraphDeletedThroughOneReplicaIsGoneFromTheOther() {
        String id = api(first).register("sin(x) * y");
        // the second replica parses and caches it first, so the delete must reach its cache too
        assertThat(api(second).get("/graphs/" + id).status()).isEqualTo(200);
        assertThat(api(first).delete("/graphs/" + id).status()).isEqualTo(204);
        Api.Reply reply = api(second).post("/gradient", "{'graphId': '" + id + "', 'at': {'x': 1, 'y': 2}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().path("code").asString()).isEqualTo("UNKNOWN_GRAPH");
    }

    @Test
    @Order(3)
    void theSecondReplicaStillServesAGraphRegisteredThroughTheFirstAfterItStops() {
        String id = api(first).register("x^3 - y");
        first.stop();
        Api.Reply reply = api(second).post("/gradient", "{'graphId': '" + id + "', 'at': {'x': 2, 'y': 5}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("gradient").path("x").asDouble()).isEqualTo(12.0);
    }
}
