package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import tools.jackson.databind.JsonNode;

/**
 * A replica whose Redis stopped after a graph was registered (and cached on the replica):
 * inline requests are still served, look-ups by id are 503 problems, and health says why.
 */
@EnabledWithDocker
class RedisDownIT {

    static Network network;
    static GenericContainer<?> redis;
    static GenericContainer<?> replica;
    static String id;

    @BeforeAll
    static void startThenStopRedis() {
        network = Network.newNetwork();
        redis = GradientImage.redis(network);
        redis.start();
        // the reason is a detail, which health gives strangers only when configured to
        replica = GradientImage.replica(network)
                .withEnv("MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS", "always")
                .withEnv("MANAGEMENT_ENDPOINT_HEALTH_SHOW_COMPONENTS", "always");
        replica.start();
        id = api().register("x * y");
        assertThat(api().post("/gradient", "{'graphId': '" + id + "', 'at': {'x': 1, 'y': 2}}").status()).isEqualTo(200);
        redis.stop();
    }

    @AfterAll
    static void stop() {
        replica.stop();
        network.close();
    }

    static Api api() {
        return new Api(replica.getHost(), replica.getMappedPort(8080));
    }

    @Test
    void inlineRequestsAreStillServed() {
        Api.Reply reply = api().post("/gradient", "{'expression': 'x * y', 'at': {'x': 1, 'y': 2}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("gradient").path("x").asDouble()).isEqualTo(2.0);
    }

    @Test
    void lookUpsByIdAre503Problems() {
        Api.Reply reply = api().post("/gradient", "{'graphId': '" + id + "', 'at': {'x': 1, 'y': 2}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asString()).isEqualTo("REGISTRY_UNAVAILABLE");
    }

    @Test
    void healthSaysTheRegistryIsUnreachable() {
        Api.Reply reply = api().get("/actuator/health");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode registry = reply.json().path("components").path("graphRegistry");
        assertThat(registry.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(registry.path("details").path("error").asString()).isNotBlank();
    }
}
