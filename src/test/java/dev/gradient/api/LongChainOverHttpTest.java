package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A graph of a 200,000-node chain, posted as JSON, differentiated in both engines. Its
 * reverse-mode graph is several times larger, so this context raises the node and body
 * limits: the defaults are meant for a shared service, not for graphs of this size. The
 * default cost limit suffices.
 */
@TestPropertySource(properties = {
        "gradient.limits.max-body-size=32MB",
        "gradient.limits.max-nodes=2000000"})
class LongChainOverHttpTest extends ApiTest {

    static final int LENGTH = 200_000;

    @Test
    void aChainOf200000NodesIsDifferentiatedInBothEngines() {
        // n1 = sin(x), n(i) = sin(n(i-1)): the derivative is the product of cos(n(i-1))
        StringBuilder body = new StringBuilder("{\"graph\": {\"nodes\": [{\"id\": \"n1\", \"op\": \"sin\", \"args\": [\"x\"]}");
        for (int i = 2; i <= LENGTH; i++) {
            body.append(",{\"id\":\"n").append(i).append("\",\"op\":\"sin\",\"args\":[\"n").append(i - 1).append("\"]}");
        }
        body.append("], \"outputs\": [\"n").append(LENGTH).append("\"]}, \"at\": {\"x\": 0.5}, \"engine\": \"");
        double value = 0.5;
        double derivative = 1;
        for (int i = 0; i < LENGTH; i++) {
            derivative *= Math.cos(value);
            value = Math.sin(value);
        }
        for (String engine : new String[] {"reverse", "forward"}) {
            HttpApi.Reply reply = api.post("/gradient", body + engine + "\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode r = reply.json();
            assertThat(r.path("engine").asString()).isEqualTo(engine);
            assertThat(r.path("value").asDouble()).isCloseTo(value, within(1e-12));
            assertThat(r.path("gradient").path("x").asDouble()).isCloseTo(derivative, within(1e-9 * Math.abs(derivative)));
        }
    }
}
