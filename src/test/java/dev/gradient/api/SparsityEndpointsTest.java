package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /jacobian/sparsity} and {@code /hessian/sparsity}: patterns from shapes alone that
 * hold exactly the nonzeros of the dense derivative at a point (for these functions of
 * element-wise and indexing ops), with the sparse format's labels and colour counts; shapes
 * declared by a graph need no {@code shapes}; bad shapes are problems at their pointers.
 */
class SparsityEndpointsTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sin(x[1:]) * x[:-1]", "x[1:] - x[:-1]^2", "concat(x[:2] * x[-1], exp(x[2:]))"})
    void theJacobianPatternIsTheDenseJacobiansNonzeros(String expression) {
        JsonNode pattern = ok("/jacobian/sparsity", "{'expression': '" + expression + "', 'shapes': {'x': [6]}}");
        JsonNode dense = ok("/jacobian", "{'expression': '" + expression + "', 'at': {'x': [0.3, -1.1, 0.7, 1.9, -0.4, 2.2]},"
                + " 'format': 'matrix'}");
        assertThat(entries(pattern.path("pattern"))).isEqualTo(nonzeros(dense.path("matrix")));
        assertThat(pattern.path("rowLabels")).isEqualTo(dense.path("rowLabels"));
        assertThat(pattern.path("columnLabels")).isEqualTo(dense.path("columnLabels"));
        assertThat(pattern.path("pattern").path("shape").path(1).asInt()).isEqualTo(6);
    }

    @Test
    void theHessianPatternOfTheChainedRosenbrockFunctionIsTridiagonal() {
        JsonNode answer = ok("/hessian/sparsity", "{'expression': 'sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)',"
                + " 'shapes': {'x': [5]}}");
        Set<List<Integer>> tridiagonal = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            for (int j = Math.max(0, i - 1); j <= Math.min(4, i + 1); j++) {
                tridiagonal.add(List.of(i, j));
            }
        }
        assertThat(entries(answer.path("pattern"))).isEqualTo(tridiagonal);
        assertThat(answer.path("colours").asInt()).isEqualTo(3);
        assertThat(answer.path("rowLabels").path(4).asString()).isEqualTo("x[4]");
    }

    @Test
    void theColoursAreReportedBesideTheRowDegree() {
        JsonNode answer = ok("/jacobian/sparsity", "{'expression': 'x[1:] * x[:-1]', 'shapes': {'x': [50]}}");
        JsonNode colours = answer.path("colours");
        assertThat(colours.path("maxRowDegree").asInt()).isEqualTo(2);
        assertThat(colours.path("columns").asInt()).isEqualTo(2);
        assertThat(colours.path("rows").asInt()).isEqualTo(2);
    }

    @Test
    void declaredShapesNeedNoShapesAndWrtPicksTheColumns() {
        JsonNode answer = ok("/jacobian/sparsity", "{'graph': {'inputs': [{'name': 'x', 'shape': [3]}, {'name': 'y', 'shape': []}],"
                + " 'nodes': [{'id': 'f', 'expr': 'x * y'}], 'outputs': ['f']}, 'wrt': ['y']}");
        assertThat(answer.path("columnLabels").toString()).isEqualTo("[\"y\"]");
        assertThat(entries(answer.path("pattern"))).containsExactlyInAnyOrder(List.of(0, 0), List.of(1, 0), List.of(2, 0));
    }

    @Test
    void badShapesArePointedAt() {
        assertProblem(api.post("/jacobian/sparsity", "{\"expression\": \"x * y\", \"shapes\": {\"x\": [3]}}"), 422, "MISSING_INPUT", null);
        assertProblem(api.post("/jacobian/sparsity", "{\"expression\": \"x\", \"shapes\": {\"x\": [3], \"q\": [1]}}"), 422,
                "UNKNOWN_NAME", "/shapes/q");
        assertProblem(api.post("/jacobian/sparsity", "{\"expression\": \"x\", \"shapes\": {\"x\": [3, -1]}}"), 400,
                "MALFORMED_REQUEST", "/shapes/x/1");
        assertProblem(api.post("/jacobian/sparsity", "{\"expression\": \"x\", \"shapes\": {\"x\": [100000, 100000]}}"), 413,
                "LIMIT_EXCEEDED", null);
        assertProblem(api.post("/jacobian/sparsity", "{\"expression\": \"x\", \"shapes\": {\"x\": [3]}, \"at\": {\"x\": 1}}"), 400,
                "MALFORMED_REQUEST", null);
        assertProblem(api.post("/hessian/sparsity", "{\"expression\": \"x\", \"shapes\": {\"x\": [3]}}"), 422, "NOT_SCALAR", null);
    }

    private static void assertProblem(HttpApi.Reply reply, int status, String code, String pointer) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asString()).as(reply.body()).isEqualTo(code);
        if (pointer != null) {
            assertThat(reply.json().path("errors").path(0).path("pointer").asString()).as(reply.body()).isEqualTo(pointer);
        }
    }

    private static Set<List<Integer>> entries(JsonNode pattern) {
        Set<List<Integer>> out = new HashSet<>();
        for (int k = 0; k < pattern.path("rows").size(); k++) {
            out.add(List.of(pattern.path("rows").path(k).asInt(), pattern.path("cols").path(k).asInt()));
        }
        return out;
    }

    private static Set<List<Integer>> nonzeros(JsonNode matrix) {
        Set<List<Integer>> out = new HashSet<>();
        for (int i = 0; i < matrix.size(); i++) {
            for (int j = 0; j < matrix.path(i).size(); j++) {
                if (matrix.path(i).path(j).asDouble() != 0.0) {
                    out.add(List.of(i, j));
                }
            }
        }
        return out;
    }
}
