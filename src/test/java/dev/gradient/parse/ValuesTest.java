package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.io.StringWriter;
import java.util.Random;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValuesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode read(String text) {
        return json.readTree(text);
    }

    @Test
    void nestedArraysAreRowMajorTensors() {
        Tensor t = Values.fromJson(read("[[1,2,3],[4,5,6]]"), "/at/W");
        assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(t.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Values.fromJson(read("2.5"), "/at/x").shape()).isEqualTo(Shape.SCALAR);
        assertThat(Values.fromJson(read("[]"), "/at/x").shape()).isEqualTo(Shape.of(0));
    }

    @Test
    void nonFiniteNumbersTravelAsStrings() {
        Tensor t = Values.fromJson(read("[\"NaN\", \"Infinity\", \"-Infinity\", 1]"), "/at/x");
        assertThat(t.get(0)).isNaN();
        assertThat(t.get(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.get(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(json.writeValueAsString(Values.toJson(t))).isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\",1.0]");
    }

    @Test
    void integersBeyondTheDoubleRangeRoundToInfinityAsExponentLiteralsDo() {
        String huge = "1" + "0".repeat(400);
        Tensor t = Values.fromJson(read("[" + huge + ", -" + huge + ", 1e999, 12345678901234567890123]"), "/at/x");
        assertThat(t.get(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.get(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(t.get(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.get(3)).isEqualTo(1.2345678901234568e22);
    }

    @Test
    void writingAndReadingBackGivesTheSameDoubles() {
        Tensor t = Tensor.of(Shape.of(2, 2, 1), new double[] {0.1, 1.0 / 3, -2.5e-300, 12.346868637516792});
        Tensor back = Values.fromJson(read(json.writeValueAsString(Values.toJson(t))), "");
        assertThat(back).isEqualTo(t);
    }

    @Test
    void streamingWritesTheSameTextAsTheTree() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.1, 1e300};
        for (int trial = 0; trial < 200; trial++) {
            Shape shape = RandomShapes.next(random, 5, 4);
            double[] values = new double[(int) shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextBoolean() ? specials[random.nextInt(specials.length)] : random.nextGaussian();
            }
            Tensor t = Tensor.of(shape, values);
            StringWriter streamed = new StringWriter();
            try (JsonGenerator out = json.createGenerator(streamed)) {
                Values.write(t, out);
            }
            assertThat(streamed.toString()).as("seed %d, shape %s", seed, shape).isEqualTo(json.writeValueAsString(Values.toJson(t)));
        }
    }

    @Test
    void raggedArraysAndOtherStringsNameTheirPointer() {
        assertThatThrownBy(() -> Values.fromJson(read("[[1,2],[3]]"), "/at/W")).satisfies(malformedAt("/at/W/1"));
        assertThatThrownBy(() -> Values.fromJson(read("[1, \"two\"]"), "/at/x"))
                .satisfies(malformedAt("/at/x/1"))
                .hasMessageContaining("Expected a number").hasMessageContaining("\"two\"");
        assertThatThrownBy(() -> Values.fromJson(read("[1, [2]]"), "/at/x")).satisfies(malformedAt("/at/x/1"));
    }

    private static ThrowingConsumer<Throwable> malformedAt(String pointer) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(GradientException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.origin()).isEqualTo(Origin.at(pointer));
        });
    }
}
