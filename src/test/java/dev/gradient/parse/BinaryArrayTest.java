package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Random;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BinaryArrayTest {

    private static final ArrayLimits LIMITS = new ArrayLimits(1_000_000, 64);
    private static final double SIGNALLING_NAN = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
    private static final double PAYLOAD_NAN = Double.longBitsToDouble(0xfff8_dead_beef_0001L);

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode read(String singleQuoted) {
        return json.readTree(singleQuoted.replace('\'', '"'));
    }

    private static String float64(double... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static String float32(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private Tensor value(String singleQuoted) {
        return Values.fromJson(read(singleQuoted), "/at/x", LIMITS);
    }

    @Test
    void float64ElementsAreReadRowMajorWithTheirExactBits() {
        double[] elements = {1.5, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, PAYLOAD_NAN};
        Tensor t = value("{'dtype': 'float64', 'shape': [2, 3], 'data': '" + float64(elements) + "'}");
        assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
        for (int i = 0; i < elements.length; i++) {
            assertThat(Double.doubleToRawLongBits(t.get(i))).as("element %d", i).isEqualTo(Double.doubleToRawLongBits(elements[i]));
        }
    }

    @Test
    void float32ElementsWidenExactly() {
        float[] elements = {0.1f, -3.4028235e38f, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, -0.0f};
        Tensor t = value("{'dtype': 'float32', 'shape': [6], 'data': '" + float32(elements) + "'}");
        for (int i = 0; i < elements.length; i++) {
            assertThat(Double.doubleToLongBits(t.get(i))).as("element %d", i).isEqualTo(Double.doubleToLongBits(elements[i]));
        }
        assertThat(t.get(0)).isEqualTo(0.10000000149011612);
    }

    @Test
    void scalarsEmptyShapesAndUnpaddedTextAreRead() {
        assertThat(value("{'dtype': 'float64', 'shape': [], 'data': '" + float64(2.5) + "'}")).isEqualTo(Tensor.scalar(2.5));
        assertThat(value("{'dtype': 'float64', 'shape': [2, 0], 'data': ''}").shape()).isEqualTo(Shape.of(2, 0));
        String unpadded = float32(1f).replace("=", "");
        assertThat(unpadded).hasSize(6);
        assertThat(value("{'dtype': 'float32', 'shape': [1], 'data': '" + unpadded + "'}").get(0)).isEqualTo(1.0);
    }

    @Test
    void writingAndReadingBackKeepsEveryBit() {
        Random random = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            long seed = random.nextLong();
            Random r = new Random(seed);
            Shape shape = RandomShapes.next(r, 4, 4);
            double[] values = new double[(int) shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.longBitsToDouble(r.nextLong());
            }
            Tensor written = Tensor.of(shape, values);
            StringWriter text = new StringWriter();
            try (JsonGenerator out = json.createGenerator(text)) {
                BinaryArray.write(written, out);
            }
            Tensor back = Values.fromJson(json.readTree(text.toString()), "", LIMITS);
            assertThat(back.shape()).as("seed %d", seed).isEqualTo(shape);
            for (int i = 0; i < values.length; i++) {
                assertThat(Double.doubleToRawLongBits(back.get(i))).as("seed %d, element %d", seed, i)
                        .isEqualTo(Double.doubleToRawLongBits(values[i]));
            }
        }
    }

    @Test
    void malformedBinaryArraysNameTheirField() {
        String data = float64(1, 2);
        assertThatThrownBy(() -> value("{'dtype': 'int64', 'shape': [2], 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x/dtype")).hasMessageContaining("\"float64\", \"float32\"");
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [2], 'data': '" + data + "', 'order': 'C'}"))
                .satisfies(malformedAt("/at/x/order"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x")).hasMessageContaining("\"shape\" is missing");
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [2, -1], 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x/shape/1"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [2.0], 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x/shape/0"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': 2, 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x/shape"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [2], 'data': [1, 2]}"))
                .satisfies(malformedAt("/at/x/data"));
    }

    @Test
    void dataThatIsNotBase64OrDoesNotFitTheShapeIsRefused() {
        String data = float64(1, 2);
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [3], 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x/data")).hasMessageContaining("holds 16 bytes").hasMessageContaining("needs 24");
        assertThatThrownBy(() -> value("{'dtype': 'float32', 'shape': [2], 'data': '" + data + "'}"))
                .satisfies(malformedAt("/at/x/data"));
        String urlSafe = data.substring(0, 4) + "-" + data.substring(5);
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [2], 'data': '" + urlSafe + "'}"))
                .satisfies(malformedAt("/at/x/data")).hasMessageContaining("base64");
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [1], 'data': 'AAAAAAAAAAA=A'}"))
                .satisfies(malformedAt("/at/x/data"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [1], 'data': 'AAAA=AAAAAA='}"))
                .satisfies(malformedAt("/at/x/data"));
    }

    @Test
    void aHugeClaimIsALimitWhateverTheDataHolds() {
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [1000000000, 1000000000], 'data': ''}"))
                .satisfies(limit("gradient.limits.max-elements"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [1000001], 'data': 'x'}"))
                .satisfies(limit("gradient.limits.max-elements"));
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [0, 99999999999999999999999], 'data': ''}"))
                .satisfies(limit("gradient.limits.max-elements"));
        String deep = "1, ".repeat(64) + "1";
        assertThatThrownBy(() -> value("{'dtype': 'float64', 'shape': [" + deep + "], 'data': ''}"))
                .satisfies(limit("gradient.limits.max-json-depth"));
    }

    @Test
    void nestedArraysPastTheElementLimitAreRefusedByTheirFirstRow() {
        ArrayLimits small = new ArrayLimits(6, 64);
        assertThat(Values.fromJson(read("[[1, 2, 3], [4, 5, 6]]"), "/at/x", small).size()).isEqualTo(6);
        assertThatThrownBy(() -> Values.fromJson(read("[[1, 2, 3, 4], [5]]"), "/at/x", small))
                .satisfies(limit("gradient.limits.max-elements"));
    }

    @Test
    void aNanPayloadIsAValueLikeAnyOther() {
        Tensor t = value("{'dtype': 'float64', 'shape': [1], 'data': '" + float64(SIGNALLING_NAN) + "'}");
        assertThat(t.get(0)).isNaN();
    }

    private static ThrowingConsumer<Throwable> malformedAt(String pointer) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(GradientException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.origin()).isEqualTo(Origin.at(pointer));
        });
    }

    private static ThrowingConsumer<Throwable> limit(String property) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(GradientException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
            assertThat(e.limit()).isEqualTo(property);
        });
    }
}
