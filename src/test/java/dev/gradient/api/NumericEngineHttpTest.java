package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.CaseFunction;
import dev.gradient.engine.NumericErrorBound;
import dev.gradient.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The numeric engine over HTTP: every derivative endpoint takes {@code "engine": "numeric"}, and
 * on the conformance cases it answers what the exact engine answers, within its documented
 * error worked out for the case; {@code GET /engines} describes it, and {@code "auto"} never
 * picks it.
 */
class NumericEngineHttpTest extends ApiTest {

    /** As in the in-process test: the documented error is an estimate, allowed ten times over. */
    private static final double SAFETY = 10;


    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")
    void conformanceCasesHoldWithinTheDocumentedError(String id, String endpoint, JsonNode request) {
        JsonNode byNumeric = post(endpoint, request, "numeric");
        JsonNode byExact = post(endpoint, request, "forward");
        assertThat(byNumeric.path("engine").asString()).isEqualTo("numeric");
        ((ObjectNode) byNumeric).remove("engine");
        ((ObjectNode) byExact).remove("engine");
        agree(byNumeric, byExact, SAFETY * largestBound(endpoint, CaseFunction.of(request)), id);
    }

    @Test
    void enginesDescribesTheNumericEngineAndItsError() {
        JsonNode numeric = null;
        for (JsonNode engine : api.get("/engines").json()) {
            if (engine.path("name").asString().equals("numeric")) {
                numeric = engine;
            }
        }
        assertThat(numeric).as("GET /engines lists numeric").isNotNull();
        assertThat(numeric.path("description").asString())
                .contains("Richardson", "eps^(1/5)", "h^4 / 480", "3 eps |f| / h", "\"auto\" never picks it");
    }

    @Test
    void autoNeverPicksTheNumericEngine() {
        assertThat(ok("/gradient", "{'expression': 'x*y', 'at': {'x': 1, 'y': 2}}").path("engine").asString())
                .isEqualTo("reverse");
        assertThat(ok("/jacobian", "{'expression': ['x', 'x', 'x'], 'at': {'x': 1}}").path("engine").asString())
                .isEqualTo("forward");
        assertThat(ok("/hessian", "{'expression': 'x*y', 'at': {'x': 1, 'y': 2}}").path("engine").asString())
                .isEqualTo("forward");
        assertThat(ok("/jvp", "{'expression': 'x', 'at': {'x': 1}, 'tangent': {'x': 1}}").path("engine").asString())
                .isEqualTo("forward");
        assertThat(ok("/vjp", "{'expression': 'x', 'at': {'x': 1}, 'cotangent': {'f': 1}}").path("engine").asString())
                .isEqualTo("reverse");
    }

    @Test
    void aNumericBatchGivesWhatEachPointGivesAlone() {
        JsonNode batch = ok("/gradient", "{'expression': 'sin(x) * exp(y)', 'engine': 'numeric',"
                + " 'points': [{'x': 0.5, 'y': 1}, {'x': -2, 'y': 0.25}]}");
        assertThat(batch.path("engine").asString()).isEqualTo("numeric");
        JsonNode first = ok("/gradient", "{'expression': 'sin(x) * exp(y)', 'engine': 'numeric', 'at': {'x': 0.5, 'y': 1}}");
        JsonNode second = ok("/gradient", "{'expression': 'sin(x) * exp(y)', 'engine': 'numeric', 'at': {'x': -2, 'y': 0.25}}");
        assertThat(batch.path("results").path(0).path("gradient")).isEqualTo(first.path("gradient"));
        assertThat(batch.path("results").path(1).path("gradient")).isEqualTo(second.path("gradient"));
        assertThat(batch.path("results").path(0).path("gradient").path("x").asDouble())
                .isCloseTo(Math.cos(0.5) * Math.exp(1), org.assertj.core.api.Assertions.within(1e-11));
    }

    @Test
    void aNumericVjpIsTheCotangentTimesItsJacobian() {
        JsonNode vjp = ok("/vjp", "{'expression': ['r*cos(t)', 'r*sin(t)'], 'at': {'r': 2, 't': 0.7},"
                + " 'cotangent': {'f': [1, -0.5]}, 'engine': 'numeric'}");
        assertThat(vjp.path("engine").asString()).isEqualTo("numeric");
        near(vjp.path("vjp").path("r"), Math.cos(0.7) - 0.5 * Math.sin(0.7), 1e-11);
        near(vjp.path("vjp").path("t"), -2 * Math.sin(0.7) - 0.5 * 2 * Math.cos(0.7), 1e-11);
    }

    private JsonNode post(String endpoint, JsonNode request, String engine) {
        ObjectNode body = ((ObjectNode) request).deepCopy();
        body.put("engine", engine);
        HttpApi.Reply reply = api.post(endpoint, body);
        assertThat(reply.status()).as("%s with %s: %s", endpoint, engine, reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The largest documented error of any derivative the endpoint reports for this case. */
    private static double largestBound(String endpoint, CaseFunction c) {
        if (endpoint.equals("/jvp")) {
            return largest(NumericErrorBound.jvp(c.f(), c.point(), c.wrt(), c.tangent()));
        }
        double bound = 0;
        for (Tensor[] row : NumericErrorBound.jacobian(c.f(), c.point(), c.wrt())) {
            bound = Math.max(bound, largest(row));
        }
        if (endpoint.equals("/hessian")) {
            for (Tensor[] row : NumericErrorBound.hessian(c.f(), c.point(), c.wrt(), 0)) {
                bound = Math.max(bound, largest(row));
            }
        }
        return bound;
    }

    private static double largest(Tensor[] tensors) {
        double max = 0;
        for (Tensor t : tensors) {
            for (double v : t.values()) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** The same fields and structure, numbers within {@code tolerance} (plus a few ulps of the exact engine's rounding). */
    private static void agree(JsonNode actual, JsonNode expected, double tolerance, String path) {
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as("%s is a number: %s", path, actual).isTrue();
            double e = expected.asDouble();
            assertThat(Math.abs(actual.asDouble() - e)).as("%s: numeric %s, exact %s", path, actual, e)
                    .isLessThanOrEqualTo(tolerance + 4 * Math.ulp(e));
        } else if (expected.isContainer()) {
            assertThat(actual.propertyNames()).as(path).isEqualTo(expected.propertyNames());
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (String name : expected.propertyNames()) {
                agree(actual.get(name), expected.get(name), tolerance, path + "/" + name);
            }
            for (int i = 0; expected.isArray() && i < expected.size(); i++) {
                agree(actual.get(i), expected.get(i), tolerance, path + "/" + i);
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static void near(JsonNode actual, double expected, double relative) {
        assertThat(actual.asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(relative * Math.abs(expected)));
    }
}
