package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.testing.Seeds;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /hvp}: the Hessian times a tangent equals the dense Hessian from {@code /hessian}
 * times that tangent, and central differences of {@code /gradient} along it, at seeded random
 * points, for every engine; batches give each point's product; bad tangents are problems that
 * point at them.
 */
class HvpTest extends ApiTest {

    private static final String FUNCTION = "sum(x^2 * y[0]) + sin(x[1] * y[1]) * exp(z) + z^3 / (1 + y[0]^2)";

    static Stream<Long> seeds() {
        return Seeds.first(6);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theProductIsTheDenseHessianTimesTheTangentAndTheGradientsDifference(long seed) {
        Random random = new Random(seed);
        double[] x = random(random, 3);
        double[] y = random(random, 2);
        double z = random.nextDouble() - 0.5;
        double[] v = random(random, 6);
        ObjectNode at = point(x, y, z);
        ObjectNode tangent = HttpApi.JSON.createObjectNode();
        tangent.set("x", array(v[0], v[1], v[2]));
        tangent.set("y", array(v[3], v[4]));
        tangent.put("z", v[5]);
        JsonNode hessian = post("/hessian", request(at, null)).path("hessian");
        double[] dense = new double[6];
        String[] names = {"x", "y", "z"};
        int[] sizes = {3, 2, 1};
        int row = 0;
        for (int i = 0; i < 3; i++) {
            for (int a = 0; a < sizes[i]; a++, row++) {
                int col = 0;
                for (int j = 0; j < 3; j++) {
                    for (int b = 0; b < sizes[j]; b++, col++) {
                        dense[row] += entry(hessian.path(names[i]).path(names[j]), sizes[i], sizes[j], a, b) * v[col];
                    }
                }
            }
        }
        double[] differences = gradientDifference(x, y, z, v);
        for (String engine : new String[] {"auto", "forward", "reverse"}) {
            JsonNode answer = post("/hvp", request(at, tangent).put("engine", engine));
            double[] product = flat(answer.path("hvp"));
            for (int k = 0; k < 6; k++) {
                assertThat(product[k]).as("%s, element %d, seed %d", engine, k, seed).isCloseTo(dense[k], within(1e-12 * (1 + Math.abs(dense[k]))));
                assertThat(product[k]).as("%s against differences, element %d", engine, k).isCloseTo(differences[k], within(1e-5));
            }
            JsonNode gradient = post("/gradient", request(at, null));
            assertThat(answer.path("value").asDouble()).isEqualTo(gradient.path("value").asDouble());
            assertThat(flat(answer.path("gradient"))).containsExactly(flat(gradient.path("gradient")));
        }
        assertThat(post("/hvp", request(at, tangent)).path("engine").asString()).isEqualTo("forward");
        double[] numeric = flat(post("/hvp", request(at, tangent).put("engine", "numeric")).path("hvp"));
        for (int k = 0; k < 6; k++) {
            assertThat(numeric[k]).as("numeric, element %d", k).isCloseTo(dense[k], within(1e-5 * (1 + Math.abs(dense[k]))));
        }
    }

    @Test
    void aBatchGivesEachPointsProduct() {
        JsonNode batch = ok("/hvp", "{'expression': 'x^3 * y', 'points': [{'x': 1, 'y': 2}, {'x': -0.5, 'y': 3}],"
                + " 'tangent': {'x': 1, 'y': -1}}");
        // H = [[6xy, 3x^2], [3x^2, 0]]: H v = [6xy - 3x^2, 3x^2]
        assertThat(batch.path("results").path(0).path("hvp").path("x").asDouble()).isEqualTo(12.0 - 3.0);
        assertThat(batch.path("results").path(0).path("hvp").path("y").asDouble()).isEqualTo(3.0);
        assertThat(batch.path("results").path(1).path("hvp").path("x").asDouble()).isEqualTo(-9.0 - 0.75);
        JsonNode columnar = ok("/hvp", "{'expression': 'x^3 * y', 'points': {'x': [1, -0.5], 'y': [2, 3]},"
                + " 'tangent': {'x': 1, 'y': -1}}");
        assertThat(columnar.path("hvp").path("x").path(1).asDouble()).isEqualTo(-9.75);
        assertThat(columnar.path("value").path(0).asDouble()).isEqualTo(2.0);
    }

    @Test
    void wrtLimitsTheProductToItsInputs() {
        JsonNode answer = ok("/hvp", "{'expression': 'x^3 * y', 'at': {'x': 2, 'y': 5}, 'wrt': ['x'], 'tangent': {'x': 1}}");
        assertThat(answer.path("hvp").path("x").asDouble()).isEqualTo(60.0);
        assertThat(answer.path("hvp").has("y")).isFalse();
    }

    @Test
    void badTangentsPointAtThemselves() {
        assertProblem(api.post("/hvp", "{\"expression\": \"x*y\", \"at\": {\"x\": 1, \"y\": 2}}"), 400, "MALFORMED_REQUEST", "");
        assertProblem(api.post("/hvp", "{\"expression\": \"x*y\", \"at\": {\"x\": 1, \"y\": 2}, \"tangent\": {\"x\": 1, \"q\": 1, \"y\": 0}}"),
                422, "UNKNOWN_NAME", "/tangent/q");
        assertProblem(api.post("/hvp", "{\"expression\": \"x*y\", \"at\": {\"x\": 1, \"y\": 2}, \"tangent\": {\"x\": 1}}"),
                422, "MISSING_TANGENT", "/tangent");
        assertProblem(api.post("/hvp", "{\"expression\": \"x*y\", \"at\": {\"x\": 1, \"y\": 2}, \"tangent\": {\"x\": [1, 2], \"y\": 0}}"),
                422, "SHAPE_MISMATCH", "/tangent/x");
        assertProblem(api.post("/hvp", "{\"expression\": \"x*y\", \"at\": {\"x\": [1, 2], \"y\": 2}, \"tangent\": {\"x\": [1, 2], \"y\": 0}}"),
                422, "NOT_SCALAR", "");
        assertProblem(api.post("/hvp", "{\"expression\": \"x*y\", \"at\": {\"x\": 1, \"y\": 2}, \"wrt\": [\"x\"], \"tangent\": {\"x\": 1, \"y\": 0}}"),
                422, "UNKNOWN_NAME", "/tangent/y");
    }

    private static void assertProblem(HttpApi.Reply reply, int status, String code, String pointer) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asString()).as(reply.body()).isEqualTo(code);
        if (!pointer.isEmpty()) {
            assertThat(reply.body()).contains("\"" + pointer + "\"");
        }
    }

    /** Central differences of the gradient along {@code v}: {@code (g(p + h v) - g(p - h v)) / 2h}. */
    private double[] gradientDifference(double[] x, double[] y, double z, double[] v) {
        double h = 1e-5;
        double[] plus = flat(post("/gradient", request(point(shift(x, v, 0, h), shift(y, v, 3, h), z + h * v[5]), null)).path("gradient"));
        double[] minus = flat(post("/gradient", request(point(shift(x, v, 0, -h), shift(y, v, 3, -h), z - h * v[5]), null)).path("gradient"));
        double[] out = new double[plus.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (plus[k] - minus[k]) / (2 * h);
        }
        return out;
    }

    private static double[] shift(double[] values, double[] v, int from, double h) {
        double[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += h * v[from + k];
        }
        return out;
    }

    private static double entry(JsonNode block, int rows, int cols, int a, int b) {
        if (rows == 1 && cols == 1) {
            return block.asDouble();
        }
        if (rows == 1) {
            return block.path(b).asDouble();
        }
        if (cols == 1) {
            return block.path(a).asDouble();
        }
        return block.path(a).path(b).asDouble();
    }

    /** The values of {@code x}, {@code y} and {@code z} in a named-values object, laid end to end. */
    private static double[] flat(JsonNode named) {
        double[] out = new double[6];
        for (int k = 0; k < 3; k++) {
            out[k] = named.path("x").path(k).asDouble();
        }
        out[3] = named.path("y").path(0).asDouble();
        out[4] = named.path("y").path(1).asDouble();
        out[5] = named.path("z").asDouble();
        return out;
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpApi.Reply reply = api.post(path, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static ObjectNode request(ObjectNode at, ObjectNode tangent) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("expression", FUNCTION);
        body.set("at", at);
        if (tangent != null) {
            body.set("tangent", tangent);
        }
        return body;
    }

    private static ObjectNode point(double[] x, double[] y, double z) {
        ObjectNode at = HttpApi.JSON.createObjectNode();
        at.set("x", array(x));
        at.set("y", array(y));
        at.put("z", z);
        return at;
    }

    private static ArrayNode array(double... values) {
        ArrayNode array = HttpApi.JSON.createArrayNode();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }

    private static double[] random(Random random, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = random.nextDouble() * 2 - 1;
        }
        return out;
    }
}
