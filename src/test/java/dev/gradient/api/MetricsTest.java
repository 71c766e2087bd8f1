package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The caches report to Micrometer, and actuator exposes health, info and metrics. */
class MetricsTest extends ApiTest {

    @Test
    void aRepeatedInlineSourceIsACacheHitVisibleInMetrics() {
        String request = "{'expression': 'x * 31 + cos(x)', 'at': {'x': 1}}";
        double before = hits("gradient.sources");
        ok("/evaluate", request);
        ok("/gradient", request);
        assertThat(hits("gradient.sources")).isGreaterThanOrEqualTo(before + 1);
        assertThat(hits("gradient.compiled")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void healthAndInfoAreExposed() {
        assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/info").status()).isEqualTo(200);
    }

    private double hits(String cache) {
        HttpApi.Reply reply = api.get("/actuator/metrics/gradient.cache.gets?tag=cache:" + cache + "&tag=result:hit");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode measurements = reply.json().path("measurements");
        return measurements.path(0).path("value").asDouble();
    }
}
