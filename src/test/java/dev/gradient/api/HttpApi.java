package dev.gradient.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running service, so that tests can send exactly the bytes and
 * headers a hostile client would (invalid JSON, wrong media types, chunked bodies). Public for
 * the HTTP tests of other packages (security's).
 */
public final class HttpApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String bearer;

    HttpApi(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer <key>} with every request, unless {@code key} is null. */
    HttpApi(int port, String key) {
        this.base = "http://localhost:" + port;
        this.bearer = key;
    }

    /** The same service, called with {@code key} as the API key. */
    public HttpApi withKey(String key) {
        return new HttpApi(java.net.URI.create(base).getPort(), key);
    }

    /** A response: its status, headers and body. */
    public record Reply(int status, HttpHeaders headers, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The Content-Type header, or "". */
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    /** POSTs {@code json} as application/json. */
    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs the JSON form of {@code body}. */
    public Reply post(String path, JsonNode body) {
        return post(path, JSON.writeValueAsString(body));
    }

    /** POSTs {@code body} with the given Content-Type. */
    public Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs {@code body} as application/json without a Content-Length, in chunks. */
    public Reply postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            if (bearer != null) {
                request.setHeader("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }
}
