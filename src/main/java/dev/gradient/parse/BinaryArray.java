package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Pointer;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * A tensor as a binary array: {@code {"dtype": "float64", "shape": [2, 3], "data": "<base64>"}},
 * the little-endian bytes of its elements in row-major order, base64-encoded (RFC 4648, standard
 * alphabet; padding optional on input, always written). Exactly these three fields; {@code dtype}
 * is {@code "float64"} or {@code "float32"} (widened exactly), {@code shape} a list of sizes
 * ({@code []} for a scalar). In a binary format such as CBOR, {@code data} may be a byte string
 * instead of base64 text, and is written as one.
 *
 * <p>Reading checks the claim before it allocates anything: the shape against the element and
 * rank limits (413), then the length of the base64 text against the shape (400), and only then
 * decodes. Every other fault is a 400 that names the offending field by its JSON Pointer.
 * Writing always uses float64, so that every double, non-finite ones included, travels as its
 * IEEE bits.
 */
public final class BinaryArray {

    /** The element type's field. */
    public static final String DTYPE = "dtype";
    /** The shape's field. */
    public static final String SHAPE = "shape";
    /** The base64 data's field. */
    public static final String DATA = "data";

    private static final List<String> FIELDS = List.of(DTYPE, SHAPE, DATA);
    private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

    private BinaryArray() {
    }

    /** The tensor that the binary array {@code value} (an object) at {@code pointer} holds, within {@code limits}. */
    public static Tensor read(JsonNode value, String pointer, ArrayLimits limits) {
        Json.onlyFields(value, FIELD_SET, pointer);
        for (String field : FIELDS) {
            if (!value.has(field)) {
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "A binary array needs the fields \"dtype\", \"shape\" and"
                        + " \"data\", but \"" + field + "\" is missing at " + Json.where(pointer), pointer);
            }
        }
        Dtype dtype = dtype(value.get(DTYPE), Pointer.child(pointer, DTYPE));
        int[] dims = dims(value.get(SHAPE), Pointer.child(pointer, SHAPE), pointer, limits);
        Shape shape = Shape.of(dims);
        String dataPointer = Pointer.child(pointer, DATA);
        long expected = ArrayLimits.saturatingMultiply(shape.size(), dtype.width());
        JsonNode data = value.get(DATA);
        byte[] bytes;
        if (data.isBinary()) {
            // a binary format's own byte string (CBOR), which needs no decoding
            bytes = data.binaryValue();
            checkLength(bytes.length, expected, shape, dtype, dataPointer);
        } else {
            String text = Json.string(data, dataPointer);
            checkLength(decodedLength(text, dataPointer), expected, shape, dtype, dataPointer);
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw notBase64(dataPointer, e.getMessage());
            }
            if (bytes.length != expected) {
                throw notBase64(dataPointer, "misplaced padding");
            }
        }
        double[] values = new double[(int) shape.size()];
        dtype.read(bytes, values);
        return Tensor.of(shape, values);
    }

    /** Writes {@code tensor} as a float64 binary array. */
    public static void write(Tensor tensor, JsonGenerator out) {
        double[] values = tensor.values();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        int[] dims = tensor.shape().dims();
        out.writeStartObject();
        out.writeStringProperty(DTYPE, Dtype.FLOAT64.wireName());
        out.writeName(SHAPE);
        out.writeArray(dims, 0, dims.length);
        out.writeName(DATA);
        // Jackson's default variant is RFC 4648's standard alphabet with padding and no line breaks
        out.writeBinary(bytes.array());
        out.writeEndObject();
    }

    private static Dtype dtype(JsonNode node, String pointer) {
        String name = Json.string(node, pointer);
        return Dtype.named(name).orElseThrow(() -> GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a dtype ("
                + Dtype.names() + ") but was " + Values.describe(node) + " at " + pointer, pointer));
    }

    /**
     * The sizes of the shape at {@code pointer}, refused where they claim more elements or axes
     * than the limits allow. For the element limit a size of 0 counts as 1: a shape such as
     * [0, 1000000000] holds nothing, but the ops over it could build tensors of its other sizes.
     */
    private static int[] dims(JsonNode node, String pointer, String arrayPointer, ArrayLimits limits) {
        Json.array(node, pointer);
        if (node.size() > limits.maxRank()) {
            throw GradientException.limitExceeded("gradient.limits.max-json-depth", "the binary array at " + Json.where(arrayPointer)
                    + " has " + node.size() + " axes; the limit is " + limits.maxRank() + ", as for nested arrays");
        }
        int[] dims = new int[node.size()];
        long claimed = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = node.get(i);
            String at = Pointer.child(pointer, i);
            if (!d.isIntegralNumber() || d.bigIntegerValue().signum() < 0) {
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a size (an integer, 0 or more) but was "
                        + Values.describe(d) + " at " + at, at);
            }
            long size = d.canConvertToLong() ? d.longValue() : Long.MAX_VALUE;
            claimed = ArrayLimits.saturatingMultiply(claimed, Math.max(size, 1));
            if (claimed > limits.maxElements() || size > Integer.MAX_VALUE) {
                throw GradientException.limitExceeded("gradient.limits.max-elements", "the binary array at "
                        + Json.where(arrayPointer) + " claims a shape of more than " + limits.maxElements()
                        + " elements; the limit is " + limits.maxElements());
            }
            dims[i] = (int) size;
        }
        return dims;
    }

    private static void checkLength(long given, long expected, Shape shape, Dtype dtype, String pointer) {
        if (given != expected) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "The data at " + pointer + " holds " + given + " bytes,"
                    + " but shape " + shape + " of " + dtype.wireName() + " needs " + expected, pointer);
        }
    }

    /** How many bytes the base64 text {@code data} decodes to, from its length alone. */
    private static long decodedLength(String data, String pointer) {
        int length = data.length();
        int padding = 0;
        while (padding < 2 && padding < length && data.charAt(length - 1 - padding) == '=') {
            padding++;
        }
        if (padding > 0 && length % 4 != 0) {
            throw notBase64(pointer, "padding on a text whose length is not a multiple of 4");
        }
        int characters = length - padding;
        int rest = characters % 4;
        if (rest == 1) {
            throw notBase64(pointer, "a length of 4k + 1 characters, which no bytes encode to");
        }
        return (long) characters / 4 * 3 + (rest == 0 ? 0 : rest - 1);
    }

    private static GradientException notBase64(String pointer, String why) {
        return GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected base64 (RFC 4648, standard alphabet) at " + pointer
                + ": " + why, pointer);
    }
}
