package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binary array values in requests over HTTP: they give the numbers that the same values in
 * nested arrays give, wherever a value may be, and a malformed one is a 400 that points at its
 * field, a huge claim a 413.
 */
class BinaryArrayRequestsTest extends ApiTest {

    private ObjectNode request(String singleQuoted) {
        return (ObjectNode) json(singleQuoted);
    }

    @Test
    void aMatrixAndAVectorGiveTheGradientOfTheirNestedForm() {
        ObjectNode plain = request("{'expression': 'sum(tanh(W @ x))', 'at': {'W': [[1, -2, 0.5], [0.25, 3, -1]], 'x': [0.1, 0.2, 0.3]}}");
        ObjectNode binary = plain.deepCopy();
        binary.set("at", request("{}").set("W", BinaryArrays.float64(List.of(2, 3), 1, -2, 0.5, 0.25, 3, -1)));
        ((ObjectNode) binary.get("at")).set("x", BinaryArrays.float64(List.of(3), 0.1, 0.2, 0.3));
        assertThat(ok("/gradient", binary)).isEqualTo(ok("/gradient", plain));
    }

    @Test
    void float32ValuesAreWidenedExactly() {
        ObjectNode binary = request("{'expression': 'x * 1', 'at': {}}");
        ((ObjectNode) binary.get("at")).set("x", BinaryArrays.float32(List.of(2), 0.1f, -7.25f));
        JsonNode outputs = ok("/evaluate", binary).path("outputs").path("f");
        assertThat(outputs.get(0).asDouble()).isEqualTo((double) 0.1f);
        assertThat(outputs.get(1).asDouble()).isEqualTo(-7.25);
    }

    @Test
    void aValueLongerThanAnyExpressionIsRead() {
        // 100,000 elements: 1.07 MB of base64, past the 65,536 characters an expression may have
        double[] values = IntStream.range(0, 100_000).mapToDouble(i -> i * 0.5).toArray();
        ObjectNode binary = request("{'expression': 'sum(x)', 'at': {}}");
        ((ObjectNode) binary.get("at")).set("x", BinaryArrays.float64(List.of(values.length), values));
        assertThat(ok("/evaluate", binary).path("outputs").path("f").asDouble()).isEqualTo(0.5 * 99_999 * 100_000 / 2);
    }

    @Test
    void aGraphConstantMayBeABinaryArrayAndKeepsTheGraphsId() {
        String graph = "{'graph': {'nodes': [{'id': 'c', 'const': [1.5, -2]}, {'id': 'y', 'op': 'mul', 'args': ['x', 'c']}],"
                + " 'outputs': ['y']}}";
        ObjectNode plain = request(graph);
        ObjectNode binary = plain.deepCopy();
        ((ObjectNode) binary.path("graph").path("nodes").get(0)).set("const", BinaryArrays.float64(List.of(2), 1.5, -2));
        HttpApi.Reply a = api.post("/graphs", plain);
        HttpApi.Reply b = api.post("/graphs", binary);
        assertThat(b.status()).as(b.body()).isIn(200, 201);
        assertThat(b.json().path("graphId")).isEqualTo(a.json().path("graphId"));
    }

    @Test
    void pointsTangentsAndCotangentsMayBeBinaryArrays() {
        ObjectNode plain = request("{'expression': 'x * y', 'points': [{'x': 2, 'y': [1, 2]}, {'x': 3, 'y': [4, 5]}],"
                + " 'tangent': {'x': 1, 'y': [0.5, 0.25]}}");
        ObjectNode jvp = BinaryArrays.request(plain);
        assertThat(ok("/jvp", jvp)).isEqualTo(ok("/jvp", plain));
        ObjectNode vjpPlain = request("{'expression': 'x * y', 'at': {'x': 2, 'y': [1, 2]}, 'cotangent': {'f': [3, -1]}}");
        assertThat(ok("/vjp", BinaryArrays.request(vjpPlain))).isEqualTo(ok("/vjp", vjpPlain));
    }

    @Test
    void malformedBinaryArraysArePointedAt() {
        String good = BinaryArrays.float64(List.of(2), 1, 2).path("data").asString();
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'points': [{'x': 1}, {'x': {'dtype': 'float16', 'shape': [2],"
                + " 'data': '" + good + "'}}]}", 400, "MALFORMED_REQUEST"))).isEqualTo("/points/1/x/dtype");
        assertThat(pointer(problem("/jvp", "{'expression': 'x', 'at': {'x': [1, 2]}, 'tangent': {'x': {'dtype': 'float64',"
                + " 'shape': [3], 'data': '" + good + "'}}}", 400, "MALFORMED_REQUEST"))).isEqualTo("/tangent/x/data");
        assertThat(pointer(problem("/evaluate", "{'graph': {'nodes': [{'id': 'c', 'const': {'dtype': 'float64', 'shape': [-2],"
                + " 'data': '" + good + "'}}], 'outputs': ['c']}, 'at': {}}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/graph/nodes/0/const/shape/0");
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'at': {'x': {'dtype': 'float64', 'shape': [2],"
                + " 'data': '" + good.replace('A', '*') + "'}}}", 400, "MALFORMED_REQUEST"))).isEqualTo("/at/x/data");
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'at': {'x': {'dtype': 'float64', 'shape': [2],"
                + " 'data': '" + good + "', 'byteorder': '<'}}}", 400, "MALFORMED_REQUEST"))).isEqualTo("/at/x/byteorder");
    }

    @Test
    void aHugeClaimedShapeIsA413() {
        JsonNode p = problem("/evaluate", "{'expression': 'sum(x)', 'at': {'x': {'dtype': 'float64', 'shape': [100000, 100000],"
                + " 'data': ''}}}", 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-elements");
        JsonNode c = problem("/graphs", "{'graph': {'nodes': [{'id': 'c', 'const': {'dtype': 'float32', 'shape': [2000000],"
                + " 'data': ''}}], 'outputs': ['c']}}", 413, "LIMIT_EXCEEDED");
        assertThat(c.path("limit").asString()).isEqualTo("gradient.limits.max-elements");
    }
}
