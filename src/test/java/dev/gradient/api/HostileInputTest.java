package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * No request a client can send makes the service answer 5xx: hostile bodies get a 4xx problem,
 * never the last-resort handler. With the default limits.
 */
class HostileInputTest extends ApiTest {

    static final List<String> ENDPOINTS = List.of("/evaluate", "/gradient", "/jacobian", "/hessian", "/jvp", "/vjp", "/check",
            "/graphs");

    static final List<String> VALID = List.of(
            "{'expression': 'log(x1) + x1*x2 - sin(x2)', 'at': {'x1': 2, 'x2': 5}, 'wrt': ['x1'], 'engine': 'reverse'}",
            "{'expression': 'sum(W * v)', 'at': {'W': [[1, 2], [3, 4]], 'v': [1, -1]}, 'output': 'f'}",
            "{'graph': {'inputs': [{'name': 'x', 'shape': [2]}], 'nodes': [{'id': 'a', 'op': 'sum', 'args': ['x'],"
                    + " 'attrs': {'axis': 0}}, {'id': 'b', 'expr': 'a * 2'}, {'id': 'c', 'const': [1, 2]}],"
                    + " 'outputs': ['b', 'c']}, 'points': [{'x': [1, 2]}], 'tangent': {'x': [1, 0]}, 'format': 'matrix'}",
            "{'expression': 'reshape(x, shape=[2, 1])', 'at': {'x': [1, 2]}, 'cotangent': {'f': [[1], [2]]}}");

    private static void notAServerError(HttpApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 499);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("code").asString()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "0", "\"x\"", "[]", "{", "}", "{\"expression\": }", "{\"expression\": NaN}",
            "{\"expression\": \"x\", \"at\": {\"x\": 1e999999}}", "{\"expression\": \"x\", \"at\": {\"x\": -0}}",
            "{\"expression\": \"x\", \"at\": {\"x\": 123456789012345678901234567890e-400}}",
            "{\"expression\": \"\\u0000\", \"at\": {}}", "{\"expression\": \"x\", \"at\": {\"x\": true}}",
            "{\"expression\": \"x\", \"at\": {\"x\": null}}", "{\"expression\": \"\", \"at\": {}}",
            "{\"expression\": \"x\", \"at\": {\"x\": [[]]}}", "{\"expression\": \"x[99999999999]\", \"at\": {\"x\": [1]}}",
            "{\"expression\": \"x[::0]\", \"at\": {\"x\": [1]}}", "{\"expression\": \"reshape(x, shape=[1000000000, 1000000000])\","
                    + " \"at\": {\"x\": 1}}", "{\"expression\": \"sum(x, axis=-99)\", \"at\": {\"x\": [1]}}",
            "{\"expression\": \"x\", \"at\": {\"x\": 1}, \"engine\": \"\"}",
            "{\"graph\": {\"inputs\": [{\"name\": \"x\", \"shape\": [2147483647, 2147483647]}], \"nodes\": [],"
                    + " \"outputs\": [\"x\"]}, \"at\": {\"x\": 1}}",
            "{\"graph\": {\"nodes\": [{\"id\": \"a\", \"op\": \"reshape\", \"args\": [\"x\"], \"attrs\": {\"shape\": \"no\"}}],"
                    + " \"outputs\": [\"a\"]}, \"at\": {\"x\": 1}}",
            "{\"graph\": {\"nodes\": [{\"id\": \"a\", \"expr\": \"a + 1\"}], \"outputs\": [\"a\"]}, \"at\": {}}",
            "{\"graph\": {\"nodes\": [], \"outputs\": []}, \"at\": {}}"})
    void malformedAndStrangeBodiesAreClientErrors(String body) {
        for (String endpoint : ENDPOINTS) {
            notAServerError(api.post(endpoint, body));
        }
    }

    @Test
    void deeplyNestedJsonIsALimitNotACrash() {
        String deep = "{\"expression\": \"x\", \"at\": {\"x\": " + "[".repeat(100_000) + "1" + "]".repeat(100_000) + "}}";
        JsonNode p = problem(api.post("/evaluate", deep), 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-json-depth");
    }

    @Test
    void deeplyNestedParenthesesAreALimitNotAStackOverflow() {
        String deep = "{\"expression\": \"" + "(".repeat(30_000) + "x" + ")".repeat(30_000) + "\", \"at\": {\"x\": 1}}";
        problem(api.post("/gradient", deep), 413, "LIMIT_EXCEEDED");
        String minus = "{\"expression\": \"" + "-".repeat(30_000) + "x\", \"at\": {\"x\": 1}}";
        problem(api.post("/gradient", minus), 413, "LIMIT_EXCEEDED");
    }

    @Test
    void aLongCycleInAGraphIsFoundWithoutRecursion() {
        StringBuilder nodes = new StringBuilder();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            nodes.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"op\":\"sin\",\"args\":[\"n")
                    .append((i + 1) % n).append("\"]}");
        }
        problem(api.post("/evaluate", "{\"graph\": {\"nodes\": [" + nodes + "], \"outputs\": [\"n0\"]}, \"at\": {}}"),
                422, "CYCLE");
    }

    @Test
    void aValueWithTooManyElementsIsALimit() {
        String x = "[" + "0,".repeat(1_000_000) + "0]";
        problem(api.post("/evaluate", "{\"expression\": \"sum(x)\", \"at\": {\"x\": " + x + "}}"), 413, "LIMIT_EXCEEDED");
    }

    @Test
    void aHugeBroadcastIsALimit() {
        String x = "[" + "1,".repeat(9_999) + "1]";
        problem(api.post("/evaluate", "{\"expression\": \"sum(reshape(x, shape=[10000, 1]) * x)\", \"at\": {\"x\": " + x + "}}"),
                413, "LIMIT_EXCEEDED");
    }

    @Test
    void aFullJacobianTooLargeIsALimit() {
        String x = "[" + "1,".repeat(1_999) + "1]";
        problem(api.post("/jacobian", "{\"expression\": \"x * 2\", \"at\": {\"x\": " + x + "}}"), 413, "LIMIT_EXCEEDED");
    }

    @Test
    void aGraphWithTwentyThousandInputsIsAnswered() {
        // names are looked up through maps: lists searched per name would make this quadratic
        int n = 20_000;
        StringBuilder nodes = new StringBuilder("{\"id\":\"s1\",\"op\":\"add\",\"args\":[\"x0\",\"x1\"]}");
        StringBuilder at = new StringBuilder("\"x0\":1,\"x1\":1");
        for (int i = 2; i < n; i++) {
            nodes.append(",{\"id\":\"s").append(i).append("\",\"op\":\"add\",\"args\":[\"s").append(i - 1)
                    .append("\",\"x").append(i).append("\"]}");
            at.append(",\"x").append(i).append("\":1");
        }
        HttpApi.Reply reply = api.post("/gradient", "{\"graph\": {\"nodes\": [" + nodes + "], \"outputs\": [\"s" + (n - 1)
                + "\"]}, \"at\": {" + at + "}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode r = reply.json();
        near(r.path("value"), n);
        assertThat(r.path("gradient").size()).isEqualTo(n);
        near(r.path("gradient").path("x" + (n - 1)), 1);
    }

    @Test
    void oddHeadersAreClientErrors() {
        notAServerError(api.post("/gradient", "application/json; charset=ISO-8859-1", "{\"expression\": \"x\", \"at\": {\"x\": 1}}"));
        notAServerError(api.post("/gradient", "application/xml", "<x/>"));
        notAServerError(api.send(HttpRequest.newBuilder(api.uri("/gradient")).header("Content-Type", "application/json")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString("{\"expression\": \"x\"}"))));
        notAServerError(api.send(HttpRequest.newBuilder(api.uri("/gradient")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}))));
        notAServerError(api.send(HttpRequest.newBuilder(api.uri("/graphs/%2e%2e")).GET()));
    }

    /** Random mutations of valid requests, sent to every endpoint: seeded, so a failure can be replayed. */
    @Test
    void randomlyMutatedRequestsAreNeverServerErrors() {
        Random random = new Random(20251126);
        for (int round = 0; round < 300; round++) {
            JsonNode body = json(VALID.get(random.nextInt(VALID.size())));
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                body = mutate(body, random, 0);
            }
            String endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            HttpApi.Reply reply = api.post(endpoint, body);
            assertThat(reply.status()).as("round %d: POST %s %s -> %s", round, endpoint, body, reply.body()).isLessThan(500);
        }
    }

    private static JsonNode mutate(JsonNode node, Random random, int depth) {
        if ((node.isObject() || node.isArray()) && node.size() > 0 && random.nextInt(4) != 0) {
            if (node instanceof ObjectNode object) {
                List<String> names = new ArrayList<>(object.propertyNames());
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(8) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, mutate(object.get(name), random, depth + 1));
                }
                return object;
            }
            ArrayNode array = (ArrayNode) node;
            int i = random.nextInt(array.size());
            if (random.nextInt(8) == 0) {
                array.remove(i);
            } else {
                array.set(i, mutate(array.get(i), random, depth + 1));
            }
            return array;
        }
        return junk(random);
    }

    private static JsonNode junk(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(14)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt(7) - 3);
            case 3 -> f.numberNode(Double.MAX_VALUE);
            case 4 -> f.numberNode(-2147483648L);
            case 5 -> f.stringNode("NaN");
            case 6 -> f.stringNode("x");
            case 7 -> f.stringNode("sum(x, axis=5)");
            case 8 -> f.stringNode("x @ x");
            case 9 -> f.stringNode(")(");
            case 10 -> f.arrayNode();
            case 11 -> f.objectNode();
            case 12 -> f.arrayNode().add(1).add(f.arrayNode().add(2));
            default -> f.stringNode("f");
        };
    }
}
