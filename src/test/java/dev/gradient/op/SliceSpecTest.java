package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slicing selects what NumPy's basic indexing selects, and the spec text is checked and canonical. */
class SliceSpecTest {

    /** {spec, source shape, result shape, result of slicing arange(size).reshape(source)}, as NumPy gives them. */
    static Stream<Arguments> numpyResults() {
        return Stream.of(new String[][] {
            {"1:, 0", "4,3", "3", "3,6,9"},
            {"-1", "4,3", "3", "9,10,11"},
            {"::-2, 1:", "4,3", "2,2", "10,11,4,5"},
            {"0:1, ::-1", "4,3", "1,3", "2,1,0"},
            {"1", "4,3", "3", "3,4,5"},
            {":-1", "5", "4", "0,1,2,3"},
            {"::2", "5", "3", "0,2,4"},
            {"::-1", "5", "5", "4,3,2,1,0"},
            {"-2", "5", "", "3"},
            {"-10:10:3", "5", "2", "0,3"},
            {"3:1", "5", "0", ""},
            {"3:1:-1", "5", "2", "3,2"},
            {"-1:-6:-2", "5", "3", "4,2,0"},
            {"10:", "5", "0", ""},
            {"1, :2", "2,3,2", "2,2", "6,7,8,9"},
            {":, -1, ::-1", "2,3,2", "2,2", "5,4,11,10"},
            {"4::-3", "5", "2", "4,1"},
            {"2:0:-1, -3", "4,3", "2", "6,3"},
            // contiguous selections, which slicing copies in one run, beside ones that are not
            {"1:3", "5", "2", "1,2"},
            {"1:3", "4,3", "2,3", "3,4,5,6,7,8"},
            {"0, 1:", "2,3", "2", "1,2"},
            {":, 1:", "2,3", "2,2", "1,2,4,5"},
            {"1, 1:3, :", "2,3,2", "2,2", "8,9,10,11"},
            {"1, 1:3, 0", "2,3,2", "2", "8,10"},
        }).map(row -> Arguments.of((Object[]) row));
    }

    @ParameterizedTest(name = "x[{0}] of shape [{1}]")
    @MethodSource("numpyResults")
    void slicingSelectsWhatNumpySelects(String spec, String source, String shape, String values) {
        Shape from = shape(source);
        double[] arange = new double[Math.toIntExact(from.size())];
        Arrays.setAll(arange, i -> i);
        Tensor result = new Slice().apply(new Tensor[] {Tensor.of(from, arange)}, Attrs.of("spec", spec));
        assertThat(result.shape()).isEqualTo(shape(shape));
        assertThat(result.values()).containsExactly(values.isEmpty()
                ? new double[0] : Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    @ParameterizedTest(name = "unslice puts x[{0}] of shape [{1}] back in place")
    @MethodSource("numpyResults")
    void unsliceIsTheTransposeOfSlice(String spec, String source, String shape, String values) {
        Shape from = shape(source);
        Attrs attrs = Attrs.of("spec", spec).with("shape", Shapes.dims(from));
        double[] ones = new double[Math.toIntExact(shape(shape).size())];
        Arrays.fill(ones, 1.0);
        Tensor placed = new Unslice().apply(new Tensor[] {Tensor.of(shape(shape), ones)}, attrs);
        // unslice(ones) marks the selected positions; slicing those back gives the ones again
        assertThat(placed.shape()).isEqualTo(from);
        assertThat(Arrays.stream(placed.values()).sum()).isEqualTo(ones.length);
        assertThat(new Slice().apply(new Tensor[] {placed}, attrs).values()).containsExactly(ones);
    }

    @Test
    void canonicalTextIgnoresSpacingAndSigns() {
        assertThat(SliceSpec.parse(" 1: ,0 ").toString()).isEqualTo("1:, 0");
        assertThat(SliceSpec.parse("+1:-1:2").toString()).isEqualTo("1:-1:2");
        assertThat(SliceSpec.parse("::").toString()).isEqualTo(":");
        assertThat(SliceSpec.parse(" 1: ,0 ")).isEqualTo(SliceSpec.parse("1:, 0"));
    }

    @Test
    void malformedSpecsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> SliceSpec.parse("")).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ATTRS)).hasMessageContaining("empty");
        assertThatThrownBy(() -> SliceSpec.parse("1,,2")).hasMessageContaining("an entry is empty");
        assertThatThrownBy(() -> SliceSpec.parse("::0")).hasMessageContaining("step").hasMessageContaining("zero");
        assertThatThrownBy(() -> SliceSpec.parse("1:2:3:4")).hasMessageContaining("more than two colons");
        assertThatThrownBy(() -> SliceSpec.parse("i")).hasMessageContaining("'i' is not an integer");
        assertThatThrownBy(() -> SliceSpec.parse("..."))
                .isInstanceOfSatisfying(GradientException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ATTRS));
    }

    private static Shape shape(String dims) {
        return dims.isEmpty() ? Shape.SCALAR : Shape.of(Arrays.stream(dims.split(",")).mapToInt(Integer::parseInt).toArray());
    }
}
