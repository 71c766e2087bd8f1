package dev.gradient.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.HttpApi;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Finds the request log's JSON lines (ECS, one object a line) in captured console output, and sends requests with an id. */
final class RequestLines {

    private static final String LOGGER = "dev.gradient.telemetry.RequestLog";
    /** How long to wait for a line: the valve writes it once the response is handed to Tomcat, which may be after the client read it. */
    private static final long PATIENCE_MILLIS = 10_000;

    private RequestLines() {
    }

    /** The request log's line of the request {@code requestId}, waiting a little for it; fails if there is none. */
    static JsonNode of(CapturedOutput output, String requestId) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (true) {
            Optional<JsonNode> line = find(output::getOut, requestId);
            if (line.isPresent() || System.currentTimeMillis() > deadline) {
                assertThat(line).as("a request log line with http.request.id %s in%n%s", requestId, output.getOut()).isPresent();
                return line.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Optional<JsonNode> find(Supplier<String> out, String requestId) {
        for (String text : List.of(out.get().split("\\R"))) {
            if (!text.startsWith("{")) {
                continue;
            }
            JsonNode line;
            try {
                line = HttpApi.JSON.readTree(text);
            } catch (JacksonException e) {
                continue;
            }
            if (LOGGER.equals(line.path("log").path("logger").asString())
                    && requestId.equals(line.path("http").path("request").path("id").asString())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** POSTs {@code json} to {@code path} with the header {@code X-Request-Id: requestId}. */
    static HttpApi.Reply post(HttpApi api, String path, String json, String requestId) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
