package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Columnar batches: {@code points} as one array per input, its first axis over the points. The
 * answer must hold, at the top, exactly the row-form batch's results stacked along a leading
 * axis, field by field, whether the arrays travel as nested JSON or as binary arrays.
 */
class ColumnarBatchTest extends ApiTest {

    /** Three points of two inputs, x a scalar and W a 2-by-2 matrix, for the functions below. */
    private static final String POINTS = "[{'x': 0.5, 'W': [[1, 2], [3, -4]]}, {'x': -1.5, 'W': [[0.25, 0], [2, 2]]},"
            + " {'x': 2, 'W': [[-1, 1], [1, -1]]}]";

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("/evaluate", "{'expression': 'x * W @ W', 'points': " + POINTS + "}"),
                Arguments.of("/gradient", "{'expression': 'sum(tanh(x * W))', 'points': " + POINTS + "}"),
                Arguments.of("/gradient", "{'expression': 'sum(tanh(x * W))', 'points': " + POINTS + ", 'engine': 'forward', 'wrt': ['W']}"),
                Arguments.of("/jacobian", "{'expression': 'sin(x) * W', 'points': " + POINTS + ", 'format': 'matrix'}"),
                Arguments.of("/hessian", "{'expression': 'x^2 * sum(W * W)', 'points': " + POINTS + "}"),
                Arguments.of("/jvp", "{'expression': 'x * W', 'points': " + POINTS + ", 'tangent': {'x': 1, 'W': [[0, 1], [1, 0]]}}"),
                Arguments.of("/vjp", "{'expression': 'x * W', 'points': " + POINTS + ", 'cotangent': {'f': [[1, 0], [0, 2]]}}"));
    }

    /** The row-form request {@code rows} with its points columnar, as nested arrays. */
    private static ObjectNode columnar(ObjectNode rows) {
        ObjectNode request = rows.deepCopy();
        ObjectNode columns = request.putObject("points");
        for (JsonNode point : rows.path("points")) {
            for (String name : point.propertyNames()) {
                ArrayNode column = columns.has(name) ? (ArrayNode) columns.get(name) : columns.putArray(name);
                column.add(point.get(name));
            }
        }
        return request;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requests")
    void theColumnarAnswerIsTheRowAnswerStacked(String path, String rowForm) {
        ObjectNode rows = (ObjectNode) json(rowForm);
        JsonNode byRow = ok(path, rows);
        ObjectNode columns = columnar(rows);
        JsonNode nested = ok(path, columns);
        ObjectNode binaryColumns = columns.deepCopy();
        binaryColumns.set("points", BinaryArrays.request(((ObjectNode) json("{}")).set("at", columns.get("points"))).get("at"));
        assertThat(binaryColumns.path("points").path("W").has("data")).isTrue();
        JsonNode binary = ok(path, binaryColumns);
        assertThat(binary).isEqualTo(nested);
        assertThat(nested.has("results")).isFalse();
        assertThat(nested.path("graphId")).isEqualTo(byRow.path("graphId"));
        assertThat(nested.path("engine")).isEqualTo(byRow.path("engine"));
        JsonNode results = byRow.path("results");
        int fields = 0;
        for (String field : results.get(0).propertyNames()) {
            assertStacked(results, field, nested.get(field), field);
            fields++;
        }
        assertThat(fields).isPositive();
    }

    /** {@code actual} is field {@code path} of every row result stacked, or, for labels, the same labels. */
    private static void assertStacked(JsonNode rows, String field, JsonNode actual, String path) {
        JsonNode first = rows.get(0).get(field);
        if (field.endsWith("Labels")) {
            assertThat(actual).as(path).isEqualTo(first);
        } else if (first.isObject()) {
            assertThat(actual.propertyNames()).as(path).containsExactlyElementsOf(first.propertyNames());
            for (String name : first.propertyNames()) {
                ArrayNode inner = HttpApi.JSON.createArrayNode();
                rows.forEach(r -> inner.add(HttpApi.JSON.createObjectNode().set(field, r.get(field).get(name))));
                assertStacked(inner, field, actual.get(name), path + "/" + name);
            }
        } else {
            ArrayNode stacked = HttpApi.JSON.createArrayNode();
            rows.forEach(r -> stacked.add(r.get(field)));
            assertThat(actual).as(path).isEqualTo(stacked);
        }
    }

    @Test
    void arraysThatDisagreeOnTheNumberOfPointsAreAShapeMismatch() {
        JsonNode p = problem("/gradient", "{'expression': 'x * y', 'points': {'x': [1, 2, 3], 'y': [1, 2]}}", 422, "SHAPE_MISMATCH");
        assertThat(pointer(p)).isEqualTo("/points/y");
    }

    @Test
    void aScalarHasNoAxisOverThePoints() {
        assertThat(pointer(problem("/evaluate", "{'expression': 'x * y', 'points': {'x': [1, 2], 'y': 3}}", 400,
                "MALFORMED_REQUEST"))).isEqualTo("/points/y");
    }

    @Test
    void everyInputAndNothingElse() {
        assertThat(pointer(problem("/evaluate", "{'expression': 'x * y', 'points': {'x': [1, 2]}}", 422, "MISSING_INPUT")))
                .isEqualTo("/points");
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'points': {'x': [1, 2], 'z': [1, 2]}}", 422,
                "UNKNOWN_NAME"))).isEqualTo("/points/z");
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'points': {'x': []}}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/points");
        assertThat(pointer(problem("/evaluate", "{'graph': {'inputs': [{'name': 'x', 'shape': [2]}], 'nodes': [{'id': 'y',"
                + " 'op': 'neg', 'args': ['x']}], 'outputs': ['y']}, 'points': {'x': [1, 2]}}", 422, "SHAPE_MISMATCH")))
                .isEqualTo("/points/x");
    }

    @Test
    void morePointsThanTheLimitIsA413() {
        double[] many = new double[10_001];
        ObjectNode request = (ObjectNode) json("{'expression': 'x', 'points': {}}");
        ((ObjectNode) request.get("points")).set("x", BinaryArrays.float64(List.of(many.length), many));
        JsonNode p = problem(api.post("/evaluate", request), 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-points");
    }
}
