package dev.gradient.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * With the console in Spring Boot's ECS format (as in the image), every request is one JSON line
 * that carries its id, method, path, endpoint, status and duration, and for a computation its
 * points, engine and engine time; the id is the response's {@code X-Request-Id} and every
 * problem's {@code requestId}.
 */
// closed after the class, which resets the logging system: later contexts get their own console format
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=ecs")
class RequestLogTest extends ApiTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Test
    void aGradientIsOneJsonLineWithItsFacts(CapturedOutput output) {
        HttpApi.Reply reply = RequestLines.post(api, "/gradient", "{\"expression\": \"x * sin(y)\", \"at\": {\"x\": 2, \"y\": 1}}",
                "client-7.a:b_c");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Request-Id")).hasValue("client-7.a:b_c");

        JsonNode line = RequestLines.of(output, "client-7.a:b_c");
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("http").path("request").path("method").asString()).isEqualTo("POST");
        assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(200);
        assertThat(line.path("url").path("path").asString()).isEqualTo("/gradient");
        JsonNode gradient = line.path("gradient");
        assertThat(gradient.path("endpoint").asString()).isEqualTo("/gradient");
        assertThat(gradient.path("points").asInt()).isEqualTo(1);
        assertThat(gradient.path("engine").asString()).isEqualTo(reply.json().path("engine").asString());
        assertThat(gradient.has("tenant")).as("no tenant without keys").isFalse();
        double engineMillis = gradient.path("engine_ms").asDouble(-1);
        long totalNanos = line.path("event").path("duration").asLong(-1);
        assertThat(engineMillis).isGreaterThanOrEqualTo(0);
        assertThat(totalNanos).isPositive();
        // the computation is a part of the whole request, to the microsecond it is rounded to
        assertThat(engineMillis).isLessThanOrEqualTo(totalNanos / 1e6 + 0.001);
        assertThat(line.path("message").asString()).startsWith("POST /gradient 200 in ");
    }

    @Test
    void aBatchCountsItsPoints(CapturedOutput output) {
        HttpApi.Reply reply = RequestLines.post(api, "/hessian", "{\"expression\": \"x * x * y\", \"engine\": \"reverse\","
                + " \"points\": [{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}, {\"x\": 5, \"y\": 6}]}", "batch-of-three");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode gradient = RequestLines.of(output, "batch-of-three").path("gradient");
        assertThat(gradient.path("points").asInt()).isEqualTo(3);
        assertThat(gradient.path("engine").asString()).isEqualTo("reverse");
    }

    @Test
    void aProblemCarriesTheRequestIdOfItsLine(CapturedOutput output) {
        HttpApi.Reply reply = RequestLines.post(api, "/gradient", "{\"expression\": \"x +\", \"at\": {\"x\": 1}}", "bad-syntax-1");
        JsonNode problem = problem(reply, 422, "SYNTAX");
        assertThat(problem.path("requestId").asString()).isEqualTo("bad-syntax-1");
        assertThat(reply.headers().firstValue("X-Request-Id")).hasValue("bad-syntax-1");
        JsonNode line = RequestLines.of(output, "bad-syntax-1");
        assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(422);
        assertThat(line.path("gradient").has("points")).as("no work was admitted").isFalse();
    }

    @Test
    void aBodyRefusedBeforeAnyFilterStillHasItsId() {
        // past the default 16 MB: the body-size filter answers first among the filters; the valve runs before it
        String big = "{\"expression\": \"x\", \"at\": {\"x\": 1}, \"pad\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        HttpApi.Reply reply = RequestLines.post(api, "/gradient", big, "too-big-1");
        JsonNode problem = problem(reply, 413, "LIMIT_EXCEEDED");
        assertThat(problem.path("requestId").asString()).isEqualTo("too-big-1");
    }

    @Test
    void withoutAnIdTheServiceGivesOne() {
        HttpApi.Reply reply = api.post("/evaluate", "{\"expression\": \"x\", \"at\": {\"x\": 1}}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
        JsonNode problem = problem(api.get("/no/such/path"), 404, "NOT_FOUND");
        assertThat(problem.path("requestId").asString()).matches(UUID);
    }

    @Test
    void aHostileIdIsReplacedEverywhere(CapturedOutput output) {
        for (String hostile : new String[] {"a b", "\"}{\"x\":1", "id<script>", "x".repeat(RequestIds.MAX_LENGTH + 1), ""}) {
            HttpApi.Reply reply = RequestLines.post(api, "/gradient", "{\"expression\": \"x +\", \"at\": {\"x\": 1}}", hostile);
            String given = reply.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(given).as("the id given for %s", hostile).matches(UUID);
            assertThat(problem(reply, 422, "SYNTAX").path("requestId").asString()).isEqualTo(given);
            assertThat(RequestLines.of(output, given).path("url").path("path").asString()).isEqualTo("/gradient");
        }
        String longest = "y".repeat(RequestIds.MAX_LENGTH);
        assertThat(RequestLines.post(api, "/gradient", "{}", longest).headers().firstValue("X-Request-Id")).hasValue(longest);
    }
}
