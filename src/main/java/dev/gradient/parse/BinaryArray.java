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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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
    /** Base64 characters decoded at a time: a multiple of 4 characters whose 3 bytes each hold whole float64 and float32 elements. */
    private static final int CHUNK_CHARACTERS = 32 * 1024;

    private BinaryArray() {
    }

    /**
     * The tensor that the binary array whose {@code START_OBJECT} is {@code parser}'s current
     * token holds, at {@code pointer}, within {@code limits}; the object's tokens are consumed
     * whatever it holds. Its fields may come in any order: all three are read before any is
     * checked, in the order the checks always run (unknown or missing fields, then dtype, shape
     * and data), and the elements are allocated only after the shape has passed the limits and
     * the data's length matches it.
     */
    static ReadValue read(JsonParser parser, String pointer, ArrayLimits limits) {
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case DTYPE -> fields.dtype = Scalar.of(parser, token);
                case SHAPE -> fields.shape = ShapeClaim.read(parser, token, Pointer.child(pointer, SHAPE), limits);
                case DATA -> fields.data = token == JsonToken.VALUE_EMBEDDED_OBJECT && parser.getEmbeddedObject() instanceof byte[] b
                        ? b : Scalar.of(parser, token);
                default -> {
                    if (fields.unknown == null) {
                        fields.unknown = name;
                    }
                    parser.skipChildren();
                }
            }
        }
        try {
            return ReadValue.of(fields.tensor(pointer, limits));
        } catch (GradientException e) {
            return ReadValue.failed(e);
        }
    }

    /** The three fields as read, each {@code null} where absent. */
    private static final class Fields {
        private String unknown;
        private Scalar dtype;
        private ShapeClaim shape;
        /** The bytes of a binary format's byte string, or the scalar given (base64 text where it is right). */
        private Object data;

        Tensor tensor(String pointer, ArrayLimits limits) {
            if (unknown != null) {
                throw Json.unknownField(unknown, FIELD_SET, pointer);
            }
            Object[] given = {dtype, shape, data};
            for (int i = 0; i < FIELDS.size(); i++) {
                if (given[i] == null) {
                    throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "A binary array needs the fields \"dtype\", \"shape\" and"
                            + " \"data\", but \"" + FIELDS.get(i) + "\" is missing at " + Json.where(pointer), pointer);
                }
            }
            Dtype type = dtype(dtype, Pointer.child(pointer, DTYPE));
            Shape claimed = Shape.of(shape.dims(pointer, limits));
            String dataPointer = Pointer.child(pointer, DATA);
            long expected = ArrayLimits.saturatingMultiply(claimed.size(), type.width());
            double[] values;
            if (data instanceof byte[] bytes) {
                // a binary format's own byte string (CBOR), which needs no decoding
                checkLength(bytes.length, expected, claimed, type, dataPointer);
                values = new double[(int) claimed.size()];
                type.read(bytes, bytes.length, values, 0);
            } else {
                String text = ((Scalar) data).string("a string", dataPointer);
                checkLength(decodedLength(text, dataPointer), expected, claimed, type, dataPointer);
                values = new double[(int) claimed.size()];
                decode(text, type, values, dataPointer);
            }
            return Tensor.of(claimed, values);
        }
    }

    /**
     * Decodes the base64 {@code text}, whose length has been checked against {@code into}, a
     * chunk at a time, so that the bytes never exist all at once beside the text and the doubles.
     */
    private static void decode(String text, Dtype type, double[] into, String pointer) {
        Base64.Decoder decoder = Base64.getDecoder();
        byte[] chunk = new byte[Math.min(CHUNK_CHARACTERS, text.length())];
        byte[] bytes = new byte[chunk.length / 4 * 3 + 3];
        int element = 0;
        for (int from = 0; from < text.length(); from += CHUNK_CHARACTERS) {
            int to = Math.min(text.length(), from + CHUNK_CHARACTERS);
            byte[] source = to - from == chunk.length ? chunk : new byte[to - from];
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c > 127) {
                    throw notBase64(pointer, "the character '" + c + "' at " + i + " is not in its alphabet");
                }
                source[i - from] = (byte) c;
            }
            int decoded;
            try {
                decoded = decoder.decode(source, bytes);
            } catch (IllegalArgumentException e) {
                throw notBase64(pointer, e.getMessage());
            }
            if (to < text.length() && decoded != source.length / 4 * 3) {
                throw notBase64(pointer, "misplaced padding");
            }
            int elements = Math.min(decoded / type.width(), into.length - element);
            type.read(bytes, elements * type.width(), into, element);
            element += elements;
        }
        if (element != into.length) {
            throw notBase64(pointer, "misplaced padding");
        }
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

    private static Dtype dtype(Scalar given, String pointer) {
        String name = given.string("a string", pointer);
        return Dtype.named(name).orElseThrow(() -> GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a dtype ("
                + Dtype.names() + ") but was " + given.description() + " at " + pointer, pointer));
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
