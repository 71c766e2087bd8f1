package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.CaseFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gradient that {@code /hessian} reports is the one {@code /gradient} gives with the same
 * engine, bit for bit: forward mode's for {@code "forward"}, not the reverse gradient graph's.
 */
class HessianGradientTest extends ApiTest {

    static final List<String> ENGINES = List.of("forward", "reverse", "numeric");

    /** Where forward and reverse mode round differently: their gradients differ in the last bits. */
    static final String ROUNDS_APART = "{'expression': 'sin(x*y)*cos(x+y)*exp(x-y)', 'at': {'x': 0.7, 'y': -1.3}}";

    /** The function and point of every conformance case with a scalar output, once per engine. */
    static Stream<Arguments> scalarCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CaseFunction.conformanceCases()) {
            if (Set.of("/gradient", "/hessian").contains(c.path("endpoint").asString())) {
                for (String engine : ENGINES) {
                    out.add(Arguments.of(c.path("id").asString(), engine, c.path("request")));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("scalarCases")
    void hessianReportsTheGradientOfTheEngineAsked(String id, String engine, JsonNode request) {
        assertSameGradient(request, engine);
    }

    @Test
    void hessianReportsEachEnginesOwnGradientWhereTheyRoundApart() {
        JsonNode request = json(ROUNDS_APART);
        JsonNode forward = gradient("/gradient", request, "forward");
        JsonNode reverse = gradient("/gradient", request, "reverse");
        assertThat(forward).as("the engines should round apart here; if they come to agree, pick another function")
                .isNotEqualTo(reverse);
        for (String engine : ENGINES) {
            assertSameGradient(request, engine);
        }
    }

    private void assertSameGradient(JsonNode request, String engine) {
        JsonNode byGradient = gradient("/gradient", request, engine);
        JsonNode byHessian = gradient("/hessian", request, engine);
        // JSON numbers are written in the shortest form that reads back as the same double: equal text, equal bits
        assertThat(byHessian.toString()).as("%s: /hessian's gradient vs /gradient's", engine)
                .isEqualTo(byGradient.toString());
    }

    private JsonNode gradient(String path, JsonNode request, String engine) {
        ObjectNode body = ((ObjectNode) request).deepCopy();
        body.put("engine", engine);
        HttpApi.Reply reply = api.post(path, body);
        assertThat(reply.status()).as("%s: %s", path, reply.body()).isEqualTo(200);
        assertThat(reply.json().path("engine").asString()).isEqualTo(engine);
        return reply.json().path("gradient");
    }
}
