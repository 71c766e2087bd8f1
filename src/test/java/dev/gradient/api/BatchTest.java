package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Requests with {@code points}: one result per point, in order, with graphId and engine at the top. */
class BatchTest extends ApiTest {

    @Test
    void evaluateGivesOneResultPerPointInOrder() {
        JsonNode r = ok("/evaluate", "{'expression': 'exp(x)', 'points': [{'x': 0}, {'x': 1}, {'x': -1}]}");
        assertThat(r.has("outputs")).isFalse();
        assertThat(r.path("graphId").asString()).isNotBlank();
        assertThat(r.path("results").size()).isEqualTo(3);
        near(r.path("results").path(0).path("outputs").path("f"), 1);
        near(r.path("results").path(1).path("outputs").path("f"), Math.E);
        near(r.path("results").path(2).path("outputs").path("f"), 1 / Math.E);
    }

    @Test
    void gradientKeepsGraphIdAndEngineAtTheTop() {
        JsonNode r = ok("/gradient", "{'expression': 'x * y', 'points': [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}],"
                + " 'engine': 'forward'}");
        assertThat(r.path("engine").asString()).isEqualTo("forward");
        assertThat(r.has("value")).isFalse();
        assertThat(r.has("gradient")).isFalse();
        JsonNode second = r.path("results").path(1);
        near(second.path("value"), 12);
        near(second.path("gradient").path("x"), 4);
        near(second.path("gradient").path("y"), 3);
        assertThat(second.has("engine")).isFalse();
    }

    @Test
    void pointsMayHaveDifferentShapes() {
        JsonNode r = ok("/gradient", "{'expression': 'sum(x * x)', 'points': [{'x': [1, 2]}, {'x': [1, 2, 3]}]}");
        assertThat(r.path("results").path(0).path("gradient").path("x").size()).isEqualTo(2);
        assertThat(r.path("results").path(1).path("gradient").path("x").size()).isEqualTo(3);
        near(r.path("results").path(1).path("value"), 14);
    }

    @Test
    void jacobianMatrixIsPerPoint() {
        JsonNode r = ok("/jacobian", "{'graph': {'nodes': [{'id': 'a', 'expr': 'x * y'}, {'id': 'b', 'expr': 'x + y'}],"
                + " 'outputs': ['a', 'b']}, 'points': [{'x': 1, 'y': 2}, {'x': 3, 'y': 5}], 'format': 'matrix'}");
        JsonNode second = r.path("results").path(1);
        assertThat(second.path("rowLabels").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(second.path("columnLabels").toString()).isEqualTo("[\"x\",\"y\"]");
        near(second.path("matrix").path(0).path(0), 5);
        near(second.path("matrix").path(0).path(1), 3);
        near(second.path("matrix").path(1).path(0), 1);
        near(second.path("matrix").path(1).path(1), 1);
    }

    @Test
    void hessianJvpAndVjpTakeBatchesToo() {
        JsonNode h = ok("/hessian", "{'expression': 'x * x * y', 'points': [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}]}");
        near(h.path("results").path(1).path("hessian").path("x").path("x"), 8);
        near(h.path("results").path(1).path("hessian").path("x").path("y"), 6);
        JsonNode jvp = ok("/jvp", "{'expression': 'x * y', 'points': [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}], 'tangent': {'x': 1}}");
        near(jvp.path("results").path(1).path("jvp").path("f"), 4);
        near(jvp.path("results").path(1).path("outputs").path("f"), 12);
        JsonNode vjp = ok("/vjp", "{'expression': 'x * y', 'points': [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}], 'cotangent': {'f': 2}}");
        near(vjp.path("results").path(0).path("vjp").path("x"), 4);
        near(vjp.path("results").path(0).path("vjp").path("y"), 2);
    }

    @Test
    void anErrorInOnePointNamesThatPoint() {
        JsonNode p = problem("/evaluate", "{'expression': 'x', 'points': [{'x': 1}, {'x': [1, 'a']}]}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/points/1/x/1");
        JsonNode tangent = problem("/jvp", "{'expression': 'sum(x)', 'points': [{'x': 1}, {'x': [1, 2]}], 'tangent': {'x': 1}}",
                422, "SHAPE_MISMATCH");
        assertThat(pointer(tangent)).isEqualTo("/tangent/x");
        assertThat(tangent.path("detail").asString()).contains("/points/1");
        JsonNode missing = problem("/evaluate", "{'expression': 'x + y', 'points': [{'x': 1, 'y': 1}, {'x': 1}]}", 422,
                "MISSING_INPUT");
        assertThat(pointer(missing)).isEqualTo("/points/1");
    }
}
