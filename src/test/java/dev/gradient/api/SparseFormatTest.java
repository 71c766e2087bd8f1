package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code "format": "sparse"} on {@code /jacobian} and {@code /hessian} gives the dense result's
 * numbers at the pattern's entries and leaves out only zeros, with the matrix format's labels;
 * {@code "auto"} picks the engine with fewer colours; a dense result too large for the limits
 * says in its 413 that the sparse format exists, and the sparse one is served.
 */
class SparseFormatTest extends ApiTest {

    private static final String ROSENBROCK = "sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"auto", "forward", "reverse"})
    void theSparseJacobianIsTheDenseOneWithoutItsZeros(String engine) {
        String point = "'expression': ['x[0] * sin(x[1])', 'x[1]^2 + y', 'exp(x[2]) * y', '3 * y'],"
                + " 'at': {'x': [0.5, -1.2, 0.3], 'y': 2.5}, 'engine': '" + engine + "'";
        JsonNode dense = ok("/jacobian", "{" + point + ", 'format': 'matrix'}");
        JsonNode sparse = ok("/jacobian", "{" + point + ", 'format': 'sparse'}");
        assertThat(sparse.has("jacobian")).isFalse();
        assertThat(sparse.path("rowLabels")).isEqualTo(dense.path("rowLabels"));
        assertThat(sparse.path("columnLabels")).isEqualTo(dense.path("columnLabels"));
        assertThat(sparse.path("outputs")).isEqualTo(dense.path("outputs"));
        assertSameMatrix(sparse.path("sparse"), dense.path("matrix"));
        assertThat(sparse.path("sparse").path("rows").size()).isEqualTo(7);
    }

    @Test
    void theSparseHessianIsTheDenseOneWithoutItsZeros() {
        String point = "'expression': '" + ROSENBROCK + " + x[0] * y^2', 'at': {'x': [0.5, -1.2, 0.3, 2], 'y': 1.5}";
        JsonNode dense = ok("/hessian", "{" + point + "}");
        JsonNode sparse = ok("/hessian", "{" + point + ", 'format': 'sparse'}");
        assertThat(sparse.has("hessian")).isFalse();
        assertThat(sparse.path("value")).isEqualTo(dense.path("value"));
        assertThat(sparse.path("gradient")).isEqualTo(dense.path("gradient"));
        assertThat(sparse.path("rowLabels").toString()).isEqualTo("[\"x[0]\",\"x[1]\",\"x[2]\",\"x[3]\",\"y\"]");
        // the dense Hessian laid out as one 5 x 5 matrix, rows and columns x[0..3] then y
        double[][] matrix = new double[5][5];
        JsonNode h = dense.path("hessian");
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                matrix[i][j] = h.path("x").path("x").path(i).path(j).asDouble();
            }
            matrix[i][4] = h.path("x").path("y").path(i).asDouble();
            matrix[4][i] = h.path("y").path("x").path(i).asDouble();
        }
        matrix[4][4] = h.path("y").path("y").asDouble();
        assertSameMatrix(sparse.path("sparse"), HttpApi.JSON.valueToTree(matrix));
        // tridiagonal in x, and y couples only with x[0] and itself
        assertThat(sparse.path("sparse").path("rows").size()).isEqualTo(4 + 2 * 3 + 2 + 1);
    }

    @Test
    void autoPicksTheEngineWithFewerColours() {
        // a dense row: columns need n colours, rows 2
        JsonNode denseRow = ok("/jacobian", "{'expression': ['sum(x)', 'x[0] * x[1]', 'x[2] * x[3]', 'x[4] * x[5]'],"
                + " 'at': {'x': [1, 2, 3, 4, 5, 6]}, 'format': 'sparse'}");
        assertThat(denseRow.path("engine").asString()).isEqualTo("reverse");
        // a dense column: rows need n colours, columns 2
        JsonNode denseColumn = ok("/jacobian", "{'expression': ['x[0] * x[1]', 'x[0] * x[2]', 'x[0] * x[3]', 'x[0] * x[4]'],"
                + " 'at': {'x': [1, 2, 3, 4, 5]}, 'format': 'sparse'}");
        assertThat(denseColumn.path("engine").asString()).isEqualTo("forward");
    }

    @Test
    void columnarBatchesShareThePatternAndStackTheValues() {
        JsonNode columnar = ok("/hessian", "{'expression': 'x[0]^2 * x[1] + x[2]^3', 'points': {'x': [[1, 2, 3], [-1, 0.5, 2]]},"
                + " 'format': 'sparse'}");
        JsonNode first = ok("/hessian", "{'expression': 'x[0]^2 * x[1] + x[2]^3', 'at': {'x': [1, 2, 3]}, 'format': 'sparse'}");
        JsonNode second = ok("/hessian", "{'expression': 'x[0]^2 * x[1] + x[2]^3', 'at': {'x': [-1, 0.5, 2]}, 'format': 'sparse'}");
        assertThat(columnar.path("sparse").path("rows")).isEqualTo(first.path("sparse").path("rows"));
        assertThat(columnar.path("sparse").path("values").path(0)).isEqualTo(first.path("sparse").path("values"));
        assertThat(columnar.path("sparse").path("values").path(1)).isEqualTo(second.path("sparse").path("values"));
        JsonNode rows = ok("/hessian", "{'expression': 'x[0]^2 * x[1] + x[2]^3', 'points': [{'x': [1, 2, 3]}, {'x': [-1, 0.5, 2]}],"
                + " 'format': 'sparse'}");
        assertThat(rows.path("results").path(1).path("sparse")).isEqualTo(second.path("sparse"));
    }

    @Test
    void aDenseResultTooLargeSaysTheSparseFormatExistsWhichServesIt() {
        int n = 100_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 1e-5 * i;
        }
        tools.jackson.databind.node.ObjectNode body = HttpApi.JSON.createObjectNode().put("expression", ROSENBROCK);
        body.putObject("at").set("x", BinaryArrays.float64(List.of(n), x));
        HttpApi.Reply dense = api.post("/hessian", body);
        assertThat(dense.status()).as(dense.body()).isEqualTo(413);
        assertThat(dense.json().path("detail").asString()).contains("format \"sparse\"");
        body.put("format", "sparse");
        HttpApi.Reply sparse = api.post("/hessian", body);
        assertThat(sparse.status()).as(sparse.body()).isEqualTo(200);
        JsonNode matrix = sparse.json().path("sparse");
        assertThat(matrix.path("rows").size()).isEqualTo(n + 2 * (n - 1));
        assertThat(matrix.path("shape").toString()).isEqualTo("[100000,100000]");
        // H[i][i+1] = -400 x[i] of the chained Rosenbrock function, read off the colours' products
        assertThat(matrix.path("rows").path(1).asInt()).isZero();
        assertThat(matrix.path("cols").path(1).asInt()).isOne();
        assertThat(matrix.path("values").path(1).asDouble()).isEqualTo(-400 * x[0]);
    }

    @Test
    void anUnknownFormatIsAProblemAtItsPointer() {
        HttpApi.Reply reply = api.post("/hessian", "{\"expression\": \"x^2\", \"at\": {\"x\": 1}, \"format\": \"matrix\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").path(0).path("pointer").asString()).isEqualTo("/format");
        assertThat(reply.json().path("detail").asString()).contains("\"sparse\"");
    }

    /** The COO {@code sparse} holds exactly the nonzeros of the dense {@code matrix} (and maybe zeros), each equal. */
    private static void assertSameMatrix(JsonNode sparse, JsonNode matrix) {
        Set<List<Integer>> entries = new HashSet<>();
        List<Integer> previous = null;
        for (int k = 0; k < sparse.path("rows").size(); k++) {
            int row = sparse.path("rows").path(k).asInt();
            int col = sparse.path("cols").path(k).asInt();
            List<Integer> entry = List.of(row, col);
            if (previous != null) {
                assertThat(previous.get(0) < row || (previous.get(0) == row && previous.get(1) < col))
                        .as("entries sorted by row, then column: %s after %s", entry, previous).isTrue();
            }
            previous = entry;
            entries.add(entry);
            assertThat(sparse.path("values").path(k).asDouble()).as("entry %s", entry)
                    .isEqualTo(matrix.path(row).path(col).asDouble());
        }
        List<List<Integer>> missed = new ArrayList<>();
        for (int i = 0; i < matrix.size(); i++) {
            for (int j = 0; j < matrix.path(i).size(); j++) {
                if (matrix.path(i).path(j).asDouble() != 0.0 && !entries.contains(List.of(i, j))) {
                    missed.add(List.of(i, j));
                }
            }
        }
        assertThat(missed).as("nonzeros outside the pattern").isEmpty();
        assertThat(sparse.path("shape").path(0).asInt()).isEqualTo(matrix.size());
    }
}
