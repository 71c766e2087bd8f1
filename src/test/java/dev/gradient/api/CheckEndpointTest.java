package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /check} over HTTP: correct functions pass in every AD engine, tolerances are the
 * request's, non-finite entries count as documented, batches report per point, and bad
 * requests are problems with pointers.
 */
class CheckEndpointTest extends ApiTest {


    /** The conformance request as a /check request: the function, the point and wrt, without endpoint fields. */
    private static ObjectNode asCheck(JsonNode request) {
        ObjectNode body = ((ObjectNode) request).deepCopy();
        body.remove(List.of("tangent", "cotangent", "format", "output"));
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")
    void everyConformanceFunctionPasses(String id, String endpoint, JsonNode request) {
        HttpApi.Reply reply = api.post("/check", asCheck(request));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode r = reply.json();
        assertThat(r.path("passed").asBoolean()).as(reply.body()).isTrue();
        assertThat(r.path("reference").asString()).isEqualTo("numeric");
        assertThat(r.path("graphId").asString()).isNotBlank();
        assertThat(r.path("engines").propertyNames()).containsExactly("forward", "reverse");
        for (JsonNode engine : r.path("engines")) {
            assertThat(engine.path("passed").asBoolean()).isTrue();
            assertThat(engine.path("mismatchCount").asLong()).isZero();
            assertThat(engine.path("mismatches").isEmpty()).isTrue();
            for (JsonNode input : engine.path("inputs")) {
                assertThat(input.path("maxRelDiff").asDouble()).as(reply.body()).isLessThan(1e-9);
            }
        }
    }

    @Test
    void theExampleReportsEveryInputOfEveryEngine() {
        JsonNode r = ok("/check", "{'expression': 'x^2 * sin(y)', 'at': {'x': 3, 'y': 0.5}}");
        assertThat(r.propertyNames()).containsExactly("graphId", "passed", "reference", "atol", "rtol", "engines");
        assertThat(r.path("atol").asDouble()).isEqualTo(1e-5);
        assertThat(r.path("rtol").asDouble()).isEqualTo(1e-3);
        JsonNode x = r.path("engines").path("reverse").path("inputs").path("x");
        assertThat(x.propertyNames()).containsExactly("passed", "maxAbsDiff", "maxRelDiff", "mismatchCount");
        assertThat(r.path("engines").path("forward").path("inputs").propertyNames()).containsExactly("x", "y");
    }

    @Test
    void zeroTolerancesFailOnTheNumericEnginesOwnError() {
        // the differences are good to about 1e-12, not exact: with atol = rtol = 0 some entry disagrees
        JsonNode r = ok("/check", "{'expression': 'x^2 * sin(y)', 'at': {'x': 3, 'y': 0.5}, 'atol': 0, 'rtol': 0}");
        assertThat(r.path("passed").asBoolean()).isFalse();
        assertThat(r.path("atol").asDouble()).isZero();
        JsonNode reverse = r.path("engines").path("reverse");
        assertThat(reverse.path("mismatchCount").asLong()).isPositive();
        JsonNode first = reverse.path("mismatches").path(0);
        assertThat(first.path("output").asString()).isEqualTo("f");
        assertThat(first.path("input").asString()).isIn("x", "y");
        assertThat(Math.abs(first.path("derivative").asDouble() - first.path("numeric").asDouble())).isPositive().isLessThan(1e-9);
    }

    @Test
    void wrtPicksTheInputsChecked() {
        JsonNode r = ok("/check", "{'expression': 'x^2 * sin(y)', 'at': {'x': 3, 'y': 0.5}, 'wrt': ['y']}");
        assertThat(r.path("engines").path("forward").path("inputs").propertyNames()).containsExactly("y");
    }

    @Test
    void aDerivativeTheDifferencesCannotSeeFailsAndIsReported() {
        JsonNode r = ok("/check", "{'expression': 'sqrt(x) + y', 'at': {'x': 0, 'y': 2}}");
        assertThat(r.path("passed").asBoolean()).isFalse();
        JsonNode forward = r.path("engines").path("forward");
        assertThat(forward.path("inputs").path("x").path("maxAbsDiff").asString()).isEqualTo("Infinity");
        assertThat(forward.path("inputs").path("x").path("passed").asBoolean()).isFalse();
        assertThat(forward.path("inputs").path("y").path("passed").asBoolean()).isTrue();
        JsonNode mismatch = forward.path("mismatches").path(0);
        assertThat(mismatch.path("input").asString()).isEqualTo("x");
        assertThat(mismatch.path("derivative").asString()).isEqualTo("Infinity");
        assertThat(mismatch.path("numeric").asString()).isEqualTo("NaN");
    }

    @Test
    void aBatchReportsEachPointAndPassesOnlyIfEveryPointDoes() {
        JsonNode r = ok("/check", "{'expression': 'sqrt(x)', 'points': [{'x': 4}, {'x': 0}]}");
        assertThat(r.path("passed").asBoolean()).isFalse();
        assertThat(r.has("engines")).isFalse();
        assertThat(r.path("results").path(0).path("passed").asBoolean()).isTrue();
        assertThat(r.path("results").path(1).path("passed").asBoolean()).isFalse();
        assertThat(r.path("results").path(1).path("engines").path("reverse").path("mismatchCount").asLong()).isEqualTo(1);
    }

    @Test
    void mismatchesAreLabelledAsTheJacobianMatrixLabelsThem() {
        JsonNode r = ok("/check", "{'expression': 'sqrt(x)', 'at': {'x': [[4, 0], [1, 0]]}}");
        JsonNode reverse = r.path("engines").path("reverse");
        assertThat(reverse.path("mismatchCount").asLong()).isEqualTo(2);
        assertThat(reverse.path("mismatches").path(0).path("output").asString()).isEqualTo("f[0,1]");
        assertThat(reverse.path("mismatches").path(0).path("input").asString()).isEqualTo("x[0,1]");
        assertThat(reverse.path("mismatches").path(1).path("output").asString()).isEqualTo("f[1,1]");
        assertThat(reverse.path("mismatches").path(1).path("input").asString()).isEqualTo("x[1,1]");
    }

    @Test
    void anEngineFieldIsNotThisEndpointsForm() {
        JsonNode p = problem("/check", "{'expression': 'x', 'at': {'x': 1}, 'engine': 'forward'}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/engine");
    }

    @Test
    void tolerancesMustBeFiniteNumbersNotNegative() {
        assertThat(pointer(problem("/check", "{'expression': 'x', 'at': {'x': 1}, 'atol': -1}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/atol");
        assertThat(pointer(problem("/check", "{'expression': 'x', 'at': {'x': 1}, 'rtol': 'NaN'}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/rtol");
        assertThat(pointer(problem("/check", "{'expression': 'x', 'at': {'x': 1}, 'rtol': 1e999}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/rtol");
    }

    @Test
    void unknownFieldsAndNamesAreProblemsWithPointers() {
        assertThat(pointer(problem("/check", "{'expression': 'x', 'at': {'x': 1}, 'tangent': {'x': 1}}", 400,
                "MALFORMED_REQUEST"))).isEqualTo("/tangent");
        assertThat(pointer(problem("/check", "{'expression': 'x', 'at': {'x': 1}, 'wrt': ['z']}", 422, "UNKNOWN_NAME")))
                .isEqualTo("/wrt/0");
        assertThat(pointer(problem("/check", "{'expression': 'x', 'at': {'z': 1}}", 422, "UNKNOWN_NAME")))
                .isEqualTo("/at/z");
        problem("/check", "{'graphId': '0123456789abcdef0123456789abcdef', 'at': {'x': 1}}", 404, "UNKNOWN_GRAPH");
    }

    @Test
    void theTestOnlyOpsAreNotPartOfTheService() {
        problem("/check", "{'expression': 'bad_sin(x)', 'at': {'x': 1}}", 422, "UNKNOWN_OP");
    }
}
