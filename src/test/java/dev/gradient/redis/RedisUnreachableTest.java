package dev.gradient.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with {@code gradient.registry=redis} and no Redis listening: it starts, serves
 * inline requests, answers look-ups by id with 503 problems and says why on its health
 * endpoint. Needs no Docker: the Redis port is a closed port on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"gradient.registry=redis",
        // the reason is a detail, which health gives strangers only when configured to
        "management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always"})
class RedisUnreachableTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void closedRedisPort(DynamicPropertyRegistry properties) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        properties.add("spring.data.redis.host", () -> "127.0.0.1");
        properties.add("spring.data.redis.port", () -> closed);
    }

    @Test
    void inlineRequestsAreServed() throws Exception {
        HttpResponse<String> reply = post("/gradient", "{\"expression\": \"x^2\", \"at\": {\"x\": 3}}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).path("gradient").path("x").asDouble()).isEqualTo(6.0);
    }

    @Test
    void lookUpsByIdAre503ProblemsThatNameTheRegistry() throws Exception {
        HttpResponse<String> reply = post("/gradient", "{\"graphId\": \"0123456789abcdef0123456789abcdef\", \"at\": {\"x\": 3}}");
        assertUnavailable(reply);
        assertThat(reply.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void registeringAndDeletingAre503Problems() throws Exception {
        assertUnavailable(post("/graphs", "{\"expression\": \"x^2\"}"));
        assertUnavailable(send(HttpRequest.newBuilder(uri("/graphs/0123456789abcdef0123456789abcdef")).DELETE()));
    }

    @Test
    void healthIsDegradedWithTheReasonButStillOk() throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(reply.body());
        assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
        JsonNode registry = health.path("components").path("graphRegistry");
        assertThat(registry.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(registry.path("details").path("error").asString()).contains("Redis");
    }

    private static void assertUnavailable(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(reply.body()).path("code").asString()).isEqualTo("REGISTRY_UNAVAILABLE");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
