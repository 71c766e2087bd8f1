package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.NumberInput;

/**
 * Reads one value straight from a token stream into a tensor, without a tree: a number, one of
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, rectangular nested arrays
 * of them (row-major), or a {@link BinaryArray} object. JSON and CBOR parsers alike, and a
 * tree's own parser ({@code JsonNode.traverse}), so that {@link Values#fromJson} reads trees
 * with this same code.
 *
 * <p>It reports what the tree walk it replaces reported, in the same order: the element limit
 * first (on the shape the first elements claim), then the first fault in document order, where
 * an array of the wrong length counts as found where it begins. Elements are stored into a
 * buffer that grows by doubling, never past the element limit: past it, or after a fault, the
 * rest of the value is only checked, not stored. Iterative; depth is bounded by the parser's
 * nesting limit.
 */
public final class ValueReader {

    private static final int FIRST_CAPACITY = 16;

    private final JsonParser parser;
    private final String pointer;
    private final ArrayLimits limits;

    /** The length of every axis found so far, and whether it is known: an axis is known once its first array ends. */
    private int[] dims = new int[4];
    private boolean[] known = new boolean[4];
    /** Per open array (by depth): how many children it has begun, and its position in document order. */
    private int[] counts = new int[4];
    private long[] starts = new long[4];
    private int depth;
    /** The number of axes; -1 until the first element (or first empty array) says. */
    private int rank = -1;
    private long tokens;

    private double[] values = new double[FIRST_CAPACITY];
    private int stored;
    private boolean storing = true;

    private GradientException fault;
    private long faultStart = Long.MAX_VALUE;

    private ValueReader(JsonParser parser, String pointer, ArrayLimits limits) {
        this.parser = parser;
        this.pointer = pointer;
        this.limits = limits;
    }

    /**
     * The value whose first token is {@code parser}'s current one, read up to and including its
     * last token, within {@code limits}; its faults carry pointers under {@code pointer}.
     * Throws only what the parser throws (malformed JSON, a stream limit).
     */
    public static ReadValue read(JsonParser parser, String pointer, ArrayLimits limits) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return BinaryArray.read(parser, pointer, limits);
        }
        if (token == JsonToken.VALUE_EMBEDDED_OBJECT && parser.getEmbeddedObject() instanceof ReadValue read) {
            return read; // a value read before, kept in a tree (a graph's constants)
        }
        if (token != JsonToken.START_ARRAY) {
            // the common case of a batch's points, read without a reader of its own
            if (!isNumber(parser, token)) {
                return ReadValue.failed(notANumber(parser, token, pointer));
            }
            return ReadValue.of(Tensor.scalar(number(parser, token)));
        }
        return new ValueReader(parser, pointer, limits).nested();
    }

    /** A value that had to be a number (or one of the three strings). */
    static GradientException notANumber(JsonParser parser, JsonToken token, String pointer) {
        return GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")"
                + " but was " + Values.describe(parser, token) + " at " + pointer, pointer);
    }

    private ReadValue nested() {
        open();
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                close();
                continue;
            }
            int parent = depth - 1;
            counts[parent]++;
            long start = ++tokens;
            if (known[parent] && counts[parent] == dims[parent] + 1) {
                wrongLength(parent);
            }
            if (rank < 0 && token != JsonToken.START_ARRAY) {
                rank = depth;
            }
            if (rank < 0 || depth < rank) {
                if (token == JsonToken.START_ARRAY) {
                    open();
                    starts[depth - 1] = start;
                } else {
                    found(GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of " + dims[depth]
                            + " elements (arrays must be rectangular) at " + here(depth), here(depth)), start);
                    parser.skipChildren();
                }
            } else if (isNumber(parser, token)) {
                store(number(parser, token));
            } else {
                found(notANumber(parser, token, here(depth)), start);
                parser.skipChildren();
            }
        }
        long claimed = 1;
        for (int axis = 0; axis < rank; axis++) {
            claimed = ArrayLimits.saturatingMultiply(claimed, dims[axis]);
        }
        if (claimed > limits.maxElements()) {
            return ReadValue.failed(GradientException.limitExceeded("gradient.limits.max-elements", "the value at " + pointer
                    + " has " + claimed + " elements; the limit is " + limits.maxElements()));
        }
        if (fault != null) {
            return ReadValue.failed(fault);
        }
        return ReadValue.of(Tensor.of(Shape.of(Arrays.copyOf(dims, rank)),
                stored == values.length ? values : Arrays.copyOf(values, stored)));
    }

    /** Enters an array at the current depth. */
    private void open() {
        if (depth == counts.length) {
            int capacity = depth * 2;
            dims = Arrays.copyOf(dims, capacity);
            known = Arrays.copyOf(known, capacity);
            counts = Arrays.copyOf(counts, capacity);
            starts = Arrays.copyOf(starts, capacity);
        }
        counts[depth] = 0;
        depth++;
    }

    /** Leaves the innermost open array: the first at its depth gives the axis its length, later ones must match it. */
    private void close() {
        int level = depth - 1;
        if (rank < 0) {
            rank = depth; // an empty array on the first path: its axis has length 0, and no axes below it
        }
        if (!known[level]) {
            dims[level] = counts[level];
            known[level] = true;
        } else if (counts[level] < dims[level]) {
            wrongLength(level);
        }
        depth--;
    }

    private void wrongLength(int level) {
        found(GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of " + dims[level]
                + " elements (arrays must be rectangular) at " + here(level), here(level)), starts[level]);
    }

    /** Keeps {@code error} if it begins before the fault kept so far: the walk it replaces would have met it first. */
    private void found(GradientException error, long start) {
        if (start < faultStart) {
            fault = error;
            faultStart = start;
        }
        storing = false;
    }

    private void store(double number) {
        if (!storing) {
            return;
        }
        if (stored == values.length) {
            if (stored >= limits.maxElements()) {
                storing = false; // the shape's claim refuses the value at its end; nothing more is kept
                return;
            }
            values = Arrays.copyOf(values, (int) Math.min(Math.min(limits.maxElements(), Integer.MAX_VALUE - 8),
                    (long) values.length * 2));
        }
        values[stored++] = number;
    }

    /** The pointer of the array or element at {@code level} (0: the value itself) on the current path. */
    private String here(int level) {
        String at = pointer;
        for (int i = 0; i < level; i++) {
            at = Pointer.child(at, counts[i] - 1);
        }
        return at;
    }

    /** Whether the scalar {@code token} is a number or one of the three strings. */
    private static boolean isNumber(JsonParser parser, JsonToken token) {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING && nonFinite(parser.getString()) != 0;
    }

    /** The number that the scalar {@code token} holds, which {@link #isNumber} accepted. */
    private static double number(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            // past the long range the JDK rounds to the nearest double, +-Infinity beyond the double range,
            // just as a literal such as 1e999 is read
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue().doubleValue() : parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            JsonParser.NumberTypeFP type = parser.getNumberTypeFP();
            if (type == JsonParser.NumberTypeFP.UNKNOWN) {
                // JSON text: parsed from the parser's own characters, exactly rounded (FastDoubleParser);
                // asking the parser for the double would first copy them into a String, about 56 bytes a number
                return NumberInput.parseDouble(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength(), true);
            }
            return type == JsonParser.NumberTypeFP.BIG_DECIMAL ? parser.getDecimalValue().doubleValue() : parser.getDoubleValue();
        }
        int which = nonFinite(parser.getString());
        return which == 1 ? Double.NaN : which == 2 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** 1, 2 or 3 for "NaN", "Infinity" and "-Infinity"; 0 for any other text. */
    private static int nonFinite(String text) {
        return switch (text) {
            case "NaN" -> 1;
            case "Infinity" -> 2;
            case "-Infinity" -> 3;
            default -> 0;
        };
    }
}
