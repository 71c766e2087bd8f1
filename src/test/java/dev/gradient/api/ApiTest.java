package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The base of the HTTP tests: the whole service on a random port, shared by every test class
 * with the default configuration (Spring caches the context), and helpers to read responses.
 * Public for the HTTP tests of other packages (security's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    int port;

    protected HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Parses a JSON text written with single quotes, for readable request literals. */
    protected static JsonNode json(String singleQuoted) {
        return HttpApi.JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    /** POSTs a request written with single quotes, expecting 200, and returns the body. */
    protected JsonNode ok(String path, String singleQuoted) {
        HttpApi.Reply reply = api.post(path, singleQuoted.replace('\'', '"'));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    /** POSTs {@code request}, expecting 200, and returns the body. */
    protected JsonNode ok(String path, JsonNode request) {
        HttpApi.Reply reply = api.post(path, request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** POSTs a request written with single quotes, expecting the problem {@code status} with {@code code}; returns the problem. */
    protected JsonNode problem(String path, String singleQuoted, int status, String code) {
        return problem(api.post(path, singleQuoted.replace('\'', '"')), status, code);
    }

    /** Checks that {@code reply} is the problem {@code status} with {@code code}, in RFC 9457 form. */
    protected static JsonNode problem(HttpApi.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("type").asString()).isNotBlank();
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    /** The pointer of a problem's first error. */
    protected static String pointer(JsonNode problem) {
        return problem.path("errors").path(0).path("pointer").asString();
    }

    /** Asserts that a JSON number is {@code expected} to within 1e-12 relative. */
    protected static void near(JsonNode actual, double expected) {
        assertThat(actual.isNumber()).as("%s is a number", actual).isTrue();
        assertThat(actual.asDouble()).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
}
