package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Every limit is a 413 LIMIT_EXCEEDED that names its property; here with small limits so the tests stay cheap. */
@TestPropertySource(properties = {
        "gradient.limits.max-body-size=2KB",
        "gradient.limits.max-nodes=60",
        "gradient.limits.max-elements=100",
        "gradient.limits.max-points=3",
        "gradient.limits.max-expression-length=300",
        "gradient.limits.max-expression-depth=20",
        "gradient.limits.max-json-depth=16",
        "gradient.limits.max-cost=100000",
        "gradient.limits.max-result-elements=5000",
        "gradient.limits.max-registered-nodes=40",
        "gradient.limits.max-cost-in-flight=80000"})
class LimitsTest extends ApiTest {

    private JsonNode limit(HttpApi.Reply reply, String property) {
        JsonNode p = problem(reply, 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo(property);
        return p;
    }

    private JsonNode limit(String path, String singleQuoted, String property) {
        return limit(api.post(path, singleQuoted.replace('\'', '"')), property);
    }

    private static String padded(int bytes) {
        return "{\"expression\": \"x\", \"at\": {\"x\": 1}, \"pad\": \"" + "a".repeat(bytes) + "\"}";
    }

    @Test
    void aGradientCheckAdmitsTheCostOfAllThreeJacobiansTogether() {
        // eighty inputs: the numeric Jacobian alone, the dearest (4 * 80 + 3 sweeps), fits the work in flight; all three do not
        String x = "[" + "0.5, ".repeat(79) + "0.5]";
        String request = "{'expression': 'sum(sin(x))', 'at': {'x': " + x + "}";
        HttpApi.Reply alone = api.post("/jacobian", (request + ", 'engine': 'numeric'}").replace('\'', '"'));
        assertThat(alone.status()).as(alone.body()).isEqualTo(200);
        limit("/check", request + "}", "gradient.limits.max-cost-in-flight");
    }

    @Test
    void aDeclaredBodyLengthOverTheLimitIsRejectedBeforeReading() {
        limit(api.post("/evaluate", padded(3000)), "gradient.limits.max-body-size");
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() {
        limit(api.postChunked("/evaluate", padded(3000).getBytes(StandardCharsets.UTF_8)), "gradient.limits.max-body-size");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() {
        HttpApi.Reply reply = api.postChunked("/evaluate", "{\"expression\": \"x\", \"at\": {\"x\": 1}}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void tooManyNodesInTheParsedGraph() {
        limit("/evaluate", "{'expression': '" + "x + ".repeat(70) + "x', 'at': {'x': 1}}", "gradient.limits.max-nodes");
    }

    @Test
    void tooManyNodesInTheDerivativeGraphIsCheckedBeforeItIsBuiltFurther() {
        StringBuilder nodes = new StringBuilder("{'id': 'n0', 'op': 'sin', 'args': ['x']}");
        for (int i = 1; i < 25; i++) {
            nodes.append(", {'id': 'n").append(i).append("', 'op': 'sin', 'args': ['n").append(i - 1).append("']}");
        }
        String request = "{'graph': {'nodes': [" + nodes + "], 'outputs': ['n24']}, 'at': {'x': 1}}";
        ok("/evaluate", request);
        // a gradient's reverse sweep is a tape over the graph's own nodes: for elementwise ops it adds none
        ok("/gradient", request);
        limit("/hessian", request, "gradient.limits.max-nodes");
    }

    @Test
    void theRulesOfAReverseSweepWithWhereCountTowardsTheNodeLimit() {
        // where's VJP rule and its live masks run as small derivative graphs of their own
        StringBuilder expression = new StringBuilder("x");
        for (int i = 0; i < 8; i++) {
            expression.insert(0, "where(x > 0, sin(").append("), x)");
        }
        String request = "{'expression': '" + expression + "', 'at': {'x': 1}}";
        ok("/evaluate", request);
        limit("/gradient", request, "gradient.limits.max-nodes");
    }

    @Test
    void tooManyElementsInAValue() {
        JsonNode p = limit("/evaluate", "{'expression': 'sum(x)', 'at': {'x': [" + "1, ".repeat(100) + "1]}}",
                "gradient.limits.max-elements");
        assertThat(p.path("detail").asString()).contains("/at/x");
    }

    @Test
    void tooManyElementsInAnIntermediateValue() {
        limit("/evaluate", "{'expression': 'sum(x + y)', 'at': {'x': [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]],"
                + " 'y': [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]}}", "gradient.limits.max-elements");
    }

    @Test
    void tooManyPoints() {
        limit("/evaluate", "{'expression': 'x', 'points': [{'x': 1}, {'x': 2}, {'x': 3}, {'x': 4}]}", "gradient.limits.max-points");
        ok("/evaluate", "{'expression': 'x', 'points': [{'x': 1}, {'x': 2}, {'x': 3}]}");
    }

    @Test
    void anExpressionTooLong() {
        JsonNode p = problem(api.post("/evaluate", ("{'expression': '" + "x+".repeat(160) + "x', 'at': {'x': 1}}")
                .replace('\'', '"')), 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isIn("gradient.limits.max-expression-length", "gradient.limits.max-nodes");
    }

    @Test
    void anExpressionTooDeep() {
        limit("/evaluate", "{'expression': '" + "(".repeat(25) + "x" + ")".repeat(25) + "', 'at': {'x': 1}}",
                "gradient.limits.max-expression-depth");
    }

    @Test
    void jsonNestedTooDeep() {
        limit(api.post("/evaluate", "{\"expression\": \"x\", \"at\": {\"x\": " + "[".repeat(20) + "1" + "]".repeat(20) + "}}"),
                "gradient.limits.max-json-depth");
    }

    @Test
    void anEstimatedCostTooHighIsRejectedBeforeAnyWork() {
        String x = "[" + "0.5, ".repeat(99) + "0.5]";
        limit("/hessian", "{'expression': 'sum(sin(cos(exp(sin(cos(x))))) * x)', 'at': {'x': " + x + "}}",
                "gradient.limits.max-cost");
    }

    @Test
    void aResultTooLarge() {
        String x = "[" + "0.5, ".repeat(99) + "0.5]";
        limit("/jacobian", "{'expression': 'x * 2', 'at': {'x': " + x + "}}", "gradient.limits.max-result-elements");
    }

    @Test
    void aBatchCostIsSummedOverItsPoints() {
        // forward mode over 55 inputs: about 45,000 element operations per point, so one point
        // passes the limit of 100,000 and three points together do not
        String point = "{'x': [" + "0.5, ".repeat(54) + "0.5]}";
        String function = "'expression': 'sum(sin(cos(exp(sin(cos(x))))) * x)', 'engine': 'forward'";
        ok("/gradient", "{" + function + ", 'points': [" + point + "]}");
        JsonNode p = limit("/gradient", "{" + function + ", 'points': [" + point + ", " + point + ", " + point + "]}",
                "gradient.limits.max-cost");
        assertThat(p.path("detail").asString()).contains("3 points");
    }

    @Test
    void aRequestThatCouldNeverFitAmongTheWorkInFlightIsALimit() {
        // two points of about 45,000 element operations pass max-cost (100,000) but not the
        // 80,000 that may run at once; one point runs, and gives its share back when it is done
        String point = "{'x': [" + "0.5, ".repeat(54) + "0.5]}";
        String function = "'expression': 'sum(sin(cos(exp(sin(cos(x))))) * x)', 'engine': 'forward'";
        ok("/gradient", "{" + function + ", 'points': [" + point + "]}");
        limit("/gradient", "{" + function + ", 'points': [" + point + ", " + point + "]}",
                "gradient.limits.max-cost-in-flight");
        ok("/gradient", "{" + function + ", 'points': [" + point + "]}");
        ok("/gradient", "{" + function + ", 'points': [" + point + "]}");
    }

    @Test
    void theRegistryIsBoundedByNodes() {
        int status = 201;
        int registered = 0;
        for (int i = 0; i < 20 && status == 201; i++) {
            HttpApi.Reply reply = api.post("/graphs", "{\"expression\": \"x * " + (i + 2) + " + y * y\"}");
            status = reply.status();
            if (status == 413) {
                assertThat(reply.json().path("limit").asString()).isEqualTo("gradient.limits.max-registered-nodes");
            } else {
                registered++;
            }
        }
        assertThat(status).isEqualTo(413);
        assertThat(registered).isPositive();
    }
}
