package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.CaseFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the shared conformance cases ({@code conformance/public-cases.json}, an exact copy of
 * the suite's file) against the real HTTP API, once per engine each case lists. Numbers must
 * agree to 1e-9 relative plus 1e-10 absolute, the non-finite strings exactly; every response
 * carries {@code graphId}, and {@code engine} is the engine asked for (for {@code "auto"},
 * any real engine). Each case runs a second time with every value of its request sent as a
 * binary array, and must give the same answers.
 */
class ConformanceTest extends ApiTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CaseFunction.conformanceCases()) {
            for (JsonNode engine : c.path("engines")) {
                out.add(Arguments.of(c.path("id").asString(), engine.asString(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("cases")
    void caseHolds(String id, String engine, JsonNode c) {
        holds(id, engine, c, ((ObjectNode) c.path("request")).deepCopy());
    }

    /** The same case with every value of the request (points, tangents, cotangents, constants) sent as a float64 binary array. */
    @ParameterizedTest(name = "{0} [{1}, binary arrays]")
    @MethodSource("cases")
    void caseHoldsWithBinaryArrays(String id, String engine, JsonNode c) {
        ObjectNode request = BinaryArrays.request(c.path("request"));
        assertThat(request).as("the request changed form").isNotEqualTo(c.path("request"));
        holds(id, engine, c, request);
    }

    private void holds(String id, String engine, JsonNode c, ObjectNode request) {
        request.put("engine", engine);
        HttpApi.Reply reply = api.post(c.path("endpoint").asString(), request);
        assertThat(reply.status()).as("%s: %s", id, reply.body()).isEqualTo(200);
        JsonNode response = reply.json();
        assertThat(response.path("graphId").asString()).as("graphId").isNotBlank();
        String ran = response.path("engine").asString();
        if (engine.equals("auto")) {
            List<String> engines = new ArrayList<>();
            api.get("/engines").json().forEach(e -> engines.add(e.path("name").asString()));
            assertThat(engines).as("engine").contains(ran);
        } else {
            assertThat(ran).as("engine").isEqualTo(engine);
        }
        agree(c.path("expect"), response, "");
    }

    /** Every field of {@code expected} is in {@code actual}, numbers within tolerance; other fields are not compared. */
    private static void agree(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as("%s is an object: %s", path, actual).isTrue();
            for (String name : expected.propertyNames()) {
                assertThat(actual.has(name)).as("%s/%s is present", path, name).isTrue();
                agree(expected.get(name), actual.get(name), path + "/" + name);
            }
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as("%s is an array: %s", path, actual).isTrue();
            assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                agree(expected.get(i), actual.get(i), path + "/" + i);
            }
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber()).as("%s is a number: %s", path, actual).isTrue();
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertThat(Math.abs(a - e)).as("%s: %s vs expected %s", path, a, e).isLessThanOrEqualTo(1e-9 * Math.abs(e) + 1e-10);
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
