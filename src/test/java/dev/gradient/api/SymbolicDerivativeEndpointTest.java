package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /derivative}: the formulas it returns, posted back to /evaluate, give the engines'
 * derivatives at seeded random points (the seed is in every failure message), and its node counts
 * show the sharing.
 */
class SymbolicDerivativeEndpointTest extends ApiTest {

    private static final long SEED = Long.getLong("gradient.test.seed", 20261201L);

    static final List<String> FUNCTIONS = List.of(
            "log(x1) + x1*x2 - sin(x2)",
            "tanh(x1*x2) + sigmoid(x1) * softplus(x2)",
            "hypot(x1, x2) * atan2(x2, x1) + cbrt(x1)",
            "x1^x2 + exp(-x1*x1) / (1 + x2^2)",
            "maximum(x1, x2) * abs(x1 - x2) + relu(x2 - 1)",
            "where(x1 > 1, sqrt(x1), -x1) + erf(x2) * asinh(x1)",
            "sin(sin(sin(x1 * x2))) * cos(x1)");

    /** POSTs {@code graph} to /evaluate at {@code at} and returns the outputs. */
    private JsonNode evaluate(JsonNode graph, ObjectNode at) {
        ObjectNode request = HttpApi.JSON.createObjectNode();
        request.set("graph", graph);
        request.set("at", at);
        return ok("/evaluate", request).path("outputs");
    }

    private static ObjectNode point(Random random) {
        ObjectNode at = HttpApi.JSON.createObjectNode();
        at.put("x1", 0.2 + 2 * random.nextDouble());
        at.put("x2", 0.2 + 2 * random.nextDouble());
        return at;
    }

    private static void close(JsonNode actual, JsonNode expected, String what) {
        double e = expected.asDouble();
        assertThat(actual.asDouble()).as(what).isCloseTo(e, within(1e-12 * Math.max(1, Math.abs(e))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void bothFormsEvaluateToTheEnginesGradientAtRandomPoints(int which) {
        String function = FUNCTIONS.get(which);
        JsonNode formula = ok("/derivative", "{'expression': '" + function + "'}");
        Random random = new Random(SEED + which);
        for (int p = 0; p < 5; p++) {
            ObjectNode at = point(random);
            ObjectNode request = HttpApi.JSON.createObjectNode();
            request.put("expression", function);
            request.set("at", at);
            request.put("engine", "reverse");
            JsonNode gradient = ok("/gradient", request).path("gradient");
            for (String form : List.of("graph", "expression")) {
                JsonNode graph = form.equals("graph") ? formula.path("graph") : formula.path("expression").path("graph");
                JsonNode outputs = evaluate(graph, at);
                String what = function + " (" + form + ") at " + at + ", seed " + SEED;
                close(outputs.path("d_x1"), gradient.path("x1"), what);
                close(outputs.path("d_x2"), gradient.path("x2"), what);
            }
        }
    }

    @Test
    void theSurveysGradientIsSharedAndCounted() {
        JsonNode formula = ok("/derivative", "{'expression': 'log(x1) + x1*x2 - sin(x2)'}");
        assertThat(formula.path("outputs").toString()).isEqualTo("[\"d_x1\",\"d_x2\"]");
        JsonNode counts = formula.path("nodeCounts");
        assertThat(counts.path("function").asLong()).isEqualTo(7);
        assertThat(counts.path("functionExpanded").asDouble()).isEqualTo(9.0);
        assertThat(counts.path("derivative").asLong()).isPositive();
        assertThat(formula.path("expression").path("text").asString()).contains("d_x1 = ").contains("d_x2 = ");
        assertThat(formula.path("c").path("source").asString()).contains("void derivative(const double *in, double *out)");
    }

    @Test
    void sharingKeepsAnExpressionThatSwellsWhenExpanded() {
        // each level reads the one before twice: the tree doubles per level, the DAG grows by a few nodes
        StringBuilder nodes = new StringBuilder("{'id': 'l1', 'expr': 'sin(x1) * cos(x1)'}");
        for (int i = 2; i <= 20; i++) {
            nodes.append(", {'id': 'l").append(i).append("', 'expr': 'sin(l").append(i - 1).append(") * cos(l")
                    .append(i - 1).append(")'}");
        }
        JsonNode formula = ok("/derivative", "{'graph': {'nodes': [" + nodes + "], 'outputs': ['l20']}}");
        JsonNode counts = formula.path("nodeCounts");
        assertThat(counts.path("functionExpanded").asDouble()).isGreaterThan(1000.0 * counts.path("function").asDouble());
        assertThat(counts.path("expanded").asDouble()).isGreaterThan(1000.0 * counts.path("derivative").asDouble());
        assertThat(formula.path("expression").path("text").asString().length()).isLessThan(20_000);
    }

    @Test
    void aHessianRowEqualsTheHessiansRow() {
        String function = "x1*x2*x2 + sin(x1*x2)";
        JsonNode formula = ok("/derivative", "{'expression': '" + function + "', 'derivative': 'hessianRow', 'row': 'x1'}");
        assertThat(formula.path("outputs").toString()).isEqualTo("[\"d2_x1_d_x1\",\"d2_x1_d_x2\"]");
        Random random = new Random(SEED);
        for (int p = 0; p < 5; p++) {
            ObjectNode at = point(random);
            ObjectNode request = HttpApi.JSON.createObjectNode();
            request.put("expression", function);
            request.set("at", at);
            JsonNode hessian = ok("/hessian", request).path("hessian").path("x1");
            JsonNode outputs = evaluate(formula.path("graph"), at);
            close(outputs.path("d2_x1_d_x1"), hessian.path("x1"), "at " + at + ", seed " + SEED);
            close(outputs.path("d2_x1_d_x2"), hessian.path("x2"), "at " + at + ", seed " + SEED);
        }
    }

    @Test
    void aJacobianOfAVectorFunctionEqualsTheEnginesJacobian() {
        JsonNode formula = ok("/derivative", "{'expression': ['x1 * cos(x2)', 'x1 * sin(x2)'], 'derivative': 'jacobian'}");
        ObjectNode at = point(new Random(SEED));
        ObjectNode request = HttpApi.JSON.createObjectNode();
        request.set("expression", json("['x1 * cos(x2)', 'x1 * sin(x2)']"));
        request.set("at", at);
        JsonNode jacobian = ok("/jacobian", request).path("jacobian").path("f");
        JsonNode outputs = evaluate(formula.path("graph"), at);
        for (int e = 0; e < 2; e++) {
            close(outputs.path("d_f_d_x1").path(e), jacobian.path("x1").path(e), "at " + at);
            close(outputs.path("d_f_d_x2").path(e), jacobian.path("x2").path(e), "at " + at);
        }
    }

    @Test
    void aTensorGradientIsAGraphButNoCSource() {
        JsonNode formula = ok("/derivative", "{'expression': 'sum(W @ v) + sum(v * v)', 'shapes': {'W': [2, 3], 'v': [3]}}");
        ObjectNode at = (ObjectNode) json("{'W': [[1, 2, 3], [4, 5, 6]], 'v': [0.5, -1, 2]}");
        JsonNode outputs = evaluate(formula.path("graph"), at);
        ObjectNode request = HttpApi.JSON.createObjectNode();
        request.put("expression", "sum(W @ v) + sum(v * v)");
        request.set("at", at);
        JsonNode gradient = ok("/gradient", request).path("gradient");
        assertThat(outputs.path("d_W").toString()).isEqualTo(gradient.path("W").toString());
        assertThat(outputs.path("d_v").toString()).isEqualTo(gradient.path("v").toString());
        assertThat(formula.has("c")).isFalse();
        problem("/derivative", "{'expression': 'sum(v * v)', 'shapes': {'v': [3]}, 'forms': ['c']}", 422, "NOT_SCALAR");
    }

    @Test
    void badFieldsArePointedAt() {
        assertThat(pointer(problem("/derivative", "{'expression': 'x', 'forms': ['latex']}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/forms/0");
        assertThat(pointer(problem("/derivative", "{'expression': 'x', 'shapes': {'y': []}}", 422, "UNKNOWN_NAME")))
                .isEqualTo("/shapes/y");
        assertThat(pointer(problem("/derivative", "{'expression': 'x', 'shapes': {'x': [-1]}}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/shapes/x/0");
        assertThat(pointer(problem("/derivative", "{'expression': 'x', 'derivative': 'hessianRow', 'row': 'y'}", 422,
                "UNKNOWN_NAME"))).isEqualTo("/row");
        assertThat(pointer(problem("/derivative", "{'expression': 'sin(x)', 'derivative': 'curl'}", 400,
                "MALFORMED_REQUEST"))).isEqualTo("/derivative");
        problem("/derivative", "{'expression': 'sum(v)', 'shapes': {'v': [3]}, 'derivative': 'jacobian', 'wrt': ['v', 'v']}",
                422, "DUPLICATE_NAME");
    }
}
