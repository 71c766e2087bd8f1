package dev.gradient.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a service published on loopback by a container test. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    /** The service published on 127.0.0.1 at {@code port}. */
    Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    /** A response's status, content type and body. */
    record Reply(int status, String contentType, String body) {

        /** The body as JSON. */
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** POSTs {@code json}, written with single quotes for readability. */
    Reply post(String path, String singleQuoted) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(singleQuoted.replace('\'', '"'))));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Registers {@code expression} with {@code POST /graphs}; its id. */
    String register(String expression) {
        Reply reply = post("/graphs", "{'expression': '" + expression + "'}");
        if (reply.status() != 201 && reply.status() != 200) {
            throw new IllegalStateException("registering failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("graphId").asString();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            // beyond the load balancer's own timeouts: a request that hangs fails its test instead of stalling it
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
