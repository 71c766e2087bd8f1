package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The security filter chain is not observed filter by filter (that cost more than the engine
 * on a one-point request), while the request as a whole still is.
 */
class SecurityObservationsTest extends ApiTest {

    @Test
    void requestsAreMeasuredButTheSecurityFilterChainIsNot() {
        HttpApi.Reply answer = api.post("/gradient", "{\"expression\": \"x * x\", \"at\": {\"x\": 3}}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode names = api.get("/actuator/metrics").json().path("names");
        assertThat(names.valueStream().map(JsonNode::asString))
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security."));
    }
}
