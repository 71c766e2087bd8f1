package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The binary array form written and read the way a client would, independently of the
 * service's own code: NumPy's little-endian bytes through {@link ByteBuffer} and
 * {@link Base64}. Turns the values of a plain-JSON request into binary arrays, and the binary
 * arrays of a response back into their elements.
 */
final class BinaryArrays {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("dtype", "shape", "data");

    private BinaryArrays() {
    }

    /** A plain value's shape and row-major elements, read by the contract's rules. */
    record Elements(List<Integer> shape, double[] values) {
    }

    /** The shape and elements of a plain JSON value (a number, a non-finite string, or nested arrays of them). */
    static Elements plain(JsonNode value) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode probe = value; probe.isArray(); probe = probe.path(0)) {
            shape.add(probe.size());
            if (probe.isEmpty()) {
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        flatten(value, values);
        return new Elements(shape, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void flatten(JsonNode value, List<Double> into) {
        if (value.isArray()) {
            value.forEach(element -> flatten(element, into));
        } else if (value.isString()) {
            into.add(switch (value.asString()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("not a number: " + value);
            });
        } else {
            into.add(value.asDouble());
        }
    }

    /** {@code shape} and {@code values} as a float64 binary array. */
    static ObjectNode float64(List<Integer> shape, double... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return binary("float64", shape, bytes.array());
    }

    /** {@code shape} and {@code values} as a float32 binary array. */
    static ObjectNode float32(List<Integer> shape, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return binary("float32", shape, bytes.array());
    }

    private static ObjectNode binary(String dtype, List<Integer> shape, byte[] bytes) {
        ObjectNode out = NODES.objectNode().put("dtype", dtype);
        ArrayNode dims = out.putArray("shape");
        shape.forEach(dims::add);
        return out.put("data", Base64.getEncoder().encodeToString(bytes));
    }

    /** A plain JSON value as a float64 binary array. */
    static ObjectNode encode(JsonNode plain) {
        Elements e = plain(plain);
        return float64(e.shape(), e.values());
    }

    /** Whether {@code node} is a binary array object. */
    static boolean isBinary(JsonNode node) {
        return node.isObject() && node.size() == 3 && FIELDS.stream().allMatch(node::has);
    }

    /** The shape and elements of a float64 binary array, its data base64 text or a byte string. */
    static Elements decode(JsonNode binary) {
        if (!binary.path("dtype").asString().equals("float64")) {
            throw new IllegalArgumentException("not float64: " + binary);
        }
        List<Integer> shape = new ArrayList<>();
        binary.path("shape").forEach(d -> shape.add(d.asInt()));
        JsonNode data = binary.path("data");
        // base64 text in JSON, a byte string in CBOR
        byte[] raw = data.isBinary() ? data.binaryValue() : Base64.getDecoder().decode(data.asString());
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[bytes.remaining() / 8];
        bytes.asDoubleBuffer().get(values);
        return new Elements(shape, values);
    }

    /**
     * A copy of the request {@code plain} with every value as a float64 binary array: those of
     * {@code at}, of each point of {@code points}, of {@code tangent} and {@code cotangent}, and
     * every {@code const} of an inline graph.
     */
    static ObjectNode request(JsonNode plain) {
        ObjectNode out = (ObjectNode) plain.deepCopy();
        encodeMembers(out.get("at"));
        out.path("points").forEach(BinaryArrays::encodeMembers);
        encodeMembers(out.get("tangent"));
        encodeMembers(out.get("cotangent"));
        for (JsonNode node : out.path("graph").path("nodes")) {
            if (node.has("const")) {
                ((ObjectNode) node).set("const", encode(node.get("const")));
            }
        }
        return out;
    }

    private static void encodeMembers(JsonNode object) {
        if (object instanceof ObjectNode values) {
            for (String name : List.copyOf(values.propertyNames())) {
                values.set(name, encode(values.get(name)));
            }
        }
    }

    /**
     * Walks both responses together, asserting that they agree field for field, a binary array
     * in {@code binary} standing for the plain value at the same place; returns how many did.
     */
    static int sameUpToForm(JsonNode plain, JsonNode binary, String path) {
        if (isBinary(binary)) {
            Elements expected = plain(plain);
            Elements actual = decode(binary);
            assertThat(actual.shape()).as("%s shape", path).isEqualTo(expected.shape());
            assertThat(actual.values()).as("%s elements", path).hasSameSizeAs(expected.values());
            for (int i = 0; i < expected.values().length; i++) {
                // NaN has many encodings and the plain form only one word for them
                assertThat(Double.doubleToLongBits(actual.values()[i])).as("%s element %d", path, i)
                        .isEqualTo(Double.doubleToLongBits(expected.values()[i]));
            }
            return 1;
        }
        if (plain.isObject()) {
            assertThat(binary.isObject()).as("%s is an object", path).isTrue();
            assertThat(List.copyOf(binary.propertyNames())).as("%s fields", path).containsExactlyElementsOf(plain.propertyNames());
            int values = 0;
            for (String name : plain.propertyNames()) {
                values += sameUpToForm(plain.get(name), binary.get(name), path + "/" + name);
            }
            return values;
        }
        if (plain.isArray() && plain.path(0).isObject()) {
            assertThat(binary.size()).as("%s size", path).isEqualTo(plain.size());
            int values = 0;
            for (int i = 0; i < plain.size(); i++) {
                values += sameUpToForm(plain.get(i), binary.get(i), path + "/" + i);
            }
            return values;
        }
        assertThat(binary).as(path).isEqualTo(plain);
        return 0;
    }
}
