package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Tensors to and from JSON: a scalar is a number, a tensor nested rectangular arrays in
 * row-major order, and the non-finite numbers travel as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}. On input a value may also be a
 * {@link BinaryArray} object. Both directions are iterative, so nesting depth is bounded only
 * by the JSON parser's own limit. Request bodies are read by {@link ValueReader}, which this
 * class also uses for trees.
 */
public final class Values {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Values() {
    }

    /** The tensor written as {@code value}, bounded only by the data it holds: see {@link #fromJson(JsonNode, String, ArrayLimits)}. */
    public static Tensor fromJson(JsonNode value, String pointer) {
        return fromJson(value, pointer, ArrayLimits.DATA_BOUND);
    }

    /**
     * The tensor written as {@code value}; a {@link GradientException} naming the
     * element's pointer (under {@code pointer}) where it is not a number, one of the three
     * strings, a rectangular array of them, or a binary array. A value of more elements than
     * {@code limits} allow is refused by the shape it claims (its first elements, or a binary
     * array's shape), before more than the limit's elements are kept. The tree is read through
     * its own token stream by the {@link ValueReader} that reads request bodies, so that a value
     * reads the same in a tree as in a body.
     */
    public static Tensor fromJson(JsonNode value, String pointer, ArrayLimits limits) {
        try (JsonParser parser = value.traverse(ObjectReadContext.empty())) {
            parser.nextToken();
            return ValueReader.read(parser, pointer, limits).get();
        }
    }

    /** One number: a JSON number or one of the three non-finite strings. */
    public static double number(JsonNode node, String pointer) {
        if (node.isBigInteger() || node.isBigDecimal()) {
            // Jackson refuses to narrow these past the double range (a fuzz finding: a 500);
            // the JDK rounds to the nearest double, +-Infinity beyond the range, just as a
            // literal such as 1e999 is read
            return node.numberValue().doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isString()) {
            switch (node.stringValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a number (or \"NaN\", \"Infinity\", \"-Infinity\") but was "
                + describe(node) + " at " + pointer, pointer);
    }

    /** The JSON form of {@code tensor}. */
    public static JsonNode toJson(Tensor tensor) {
        if (tensor.shape().isScalar()) {
            return number(tensor.get(0));
        }
        Deque<ArrayNode> open = new ArrayDeque<>();
        ArrayNode root = JSON.arrayNode();
        open.push(root);
        walk(tensor.shape().dims(), new Nesting() {
            @Override
            public void open() {
                open.push(open.peek().addArray());
            }

            @Override
            public void close() {
                open.pop();
            }

            @Override
            public void element(int index) {
                open.peek().add(number(tensor.get(index)));
            }
        });
        return root;
    }

    /** Writes {@code tensor} as {@link #toJson} forms it, without building a tree. */
    public static void write(Tensor tensor, JsonGenerator out) {
        double[] values = tensor.values();
        if (tensor.shape().isScalar()) {
            write(values[0], out);
            return;
        }
        out.writeStartArray();
        walk(tensor.shape().dims(), new Nesting() {
            @Override
            public void open() {
                out.writeStartArray();
            }

            @Override
            public void close() {
                out.writeEndArray();
            }

            @Override
            public void element(int index) {
                write(values[index], out);
            }
        });
    }

    /**
     * Walks the index space of {@code dims} (rank 1 or more) row-major inside an outermost array
     * that the caller opened, opening and closing the inner arrays as counters roll over and
     * closing the outermost one at the end.
     */
    private static void walk(int[] dims, Nesting nesting) {
        int[] counters = new int[dims.length];
        int depth = 0;
        int next = 0;
        while (depth >= 0) {
            if (counters[depth] == dims[depth]) {
                counters[depth] = 0;
                nesting.close();
                depth--;
                if (depth >= 0) {
                    counters[depth]++;
                }
            } else if (depth == dims.length - 1) {
                nesting.element(next++);
                counters[depth]++;
            } else {
                nesting.open();
                depth++;
            }
        }
    }

    private static void write(double value, JsonGenerator out) {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /** What {@link #walk} does at each step: opens an inner array, closes one, or writes the element at a row-major index. */
    private interface Nesting {
        void open();

        void close();

        void element(int index);
    }

    /** A double as JSON: a number, or one of the three strings where it is not finite. */
    public static JsonNode number(double value) {
        if (Double.isNaN(value)) {
            return JSON.stringNode("NaN");
        }
        if (Double.isInfinite(value)) {
            return JSON.stringNode(value > 0 ? "Infinity" : "-Infinity");
        }
        return JSON.numberNode(value);
    }

    /** A few words on what a JSON value is, for error messages. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isString()) {
            return describeString(node.stringValue());
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return "a number";
    }

    /** What {@link #describe(JsonNode)} says of the value that begins with {@code parser}'s current token, {@code token}. */
    public static String describe(JsonParser parser, JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case VALUE_STRING -> describeString(parser.getString());
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT -> "binary data";
            default -> "a number";
        };
    }

    /** A string as messages quote it: its first 20 characters. */
    static String describeString(String text) {
        return "the string \"" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "\"";
    }
}
