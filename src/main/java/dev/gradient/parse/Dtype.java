package dev.gradient.parse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The element types a binary array may carry, by their NumPy names. Every one is read into
 * doubles exactly: a float32 widens without rounding, and NaN payloads and signed zeros keep
 * their bits as far as the wider type can hold them.
 */
enum Dtype {

    FLOAT64("float64", Double.BYTES) {
        @Override
        void read(byte[] bytes, int length, double[] into, int at) {
            ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(into, at, length / Double.BYTES);
        }
    },

    FLOAT32("float32", Float.BYTES) {
        @Override
        void read(byte[] bytes, int length, double[] into, int at) {
            java.nio.FloatBuffer floats = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (int i = 0; i < length / Float.BYTES; i++) {
                into[at + i] = floats.get(i);
            }
        }
    };

    private final String wireName;
    private final int width;

    Dtype(String wireName, int width) {
        this.wireName = wireName;
        this.width = width;
    }

    /** The type called {@code name} on the wire ({@code "float64"}, {@code "float32"}). */
    static Optional<Dtype> named(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }

    /** Every name, for messages. */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(d -> "\"" + d.wireName + "\"").toList());
    }

    /** The name on the wire. */
    String wireName() {
        return wireName;
    }

    /** The bytes per element. */
    int width() {
        return width;
    }

    /** Reads the little-endian elements of the first {@code length} bytes of {@code bytes} into {@code into} from {@code at} on. */
    abstract void read(byte[] bytes, int length, double[] into, int at);
}
