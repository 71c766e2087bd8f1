package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments that do not fit an op are rejected with a code and a message that says what was wrong and what was expected. */
class ShapeRulesTest {

    /** The exception from applying {@code op} to inputs of these shapes. */
    private static GradientException rejection(String op, Attrs attrs, Shape... shapes) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int[] args = new int[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            args[i] = b.input("x" + i, shapes[i]);
        }
        return catchThrowableOfType(GradientException.class, () -> b.call(op, attrs, args));
    }

    @Test
    void shapesThatDoNotBroadcastAreAMismatch() {
        GradientException e = rejection("pow", Attrs.NONE, Shape.of(2, 3), Shape.of(4));
        assertThat(e.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(e.getMessage()).contains("pow", "[2, 3]", "[4]", "do not broadcast", "equal or 1");
        assertThat(rejection("where", Attrs.NONE, Shape.of(3), Shape.of(3), Shape.of(2)).getMessage())
                .contains("[3]", "[2]");
    }

    @Test
    void matmulNamesTheAxesThatMustAgree() {
        GradientException e = rejection("matmul", Attrs.NONE, Shape.of(2, 3), Shape.of(2, 3));
        assertThat(e.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(e.getMessage()).contains("[2, 3] and [2, 3]", "last axis of the first (3)", "first axis of the second (2)");
        assertThat(rejection("matmul", Attrs.NONE, Shape.of(2, 2, 2), Shape.of(2)).getMessage())
                .contains("expected 1-D or 2-D arguments");
        assertThat(rejection("matmul", Attrs.NONE, Shape.SCALAR, Shape.of(2)).getMessage())
                .contains("expected 1-D or 2-D arguments");
    }

    @Test
    void anAxisOutOfRangeIsABadAttribute() {
        for (String op : List.of("sum", "mean", "prod", "max", "min", "logsumexp", "norm", "softmax", "log_softmax", "concat")) {
            GradientException e = rejection(op, Attrs.of("axis", 2), Shape.of(2, 3));
            assertThat(e.code()).as(op).isEqualTo(ErrorCode.BAD_ATTRS);
            assertThat(e.getMessage()).as(op).contains(op + ": axis 2 is out of range for rank 2", "expected -2 to 1");
        }
        assertThat(rejection("stack", Attrs.of("axis", 3), Shape.of(2, 3)).getMessage())
                .contains("axis 3 is out of range for rank 3");
    }

    @Test
    void aSliceIndexOutOfRangeNamesTheAxisAndItsSize() {
        GradientException e = rejection("slice", Attrs.of("spec", ":, 3"), Shape.of(2, 3));
        assertThat(e.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(e.getMessage()).contains("index 3", "axis 1 of size 3", "expected -3 to 2");
        assertThat(rejection("slice", Attrs.of("spec", "-4"), Shape.of(3)).getMessage()).contains("index -4");
        assertThat(rejection("slice", Attrs.of("spec", "0, 0"), Shape.of(3)).getMessage())
                .contains("2 entries", "only 1 axes");
        assertThat(rejection("slice", Attrs.NONE, Shape.of(3)).code()).isEqualTo(ErrorCode.BAD_ATTRS);
    }

    @Test
    void joinsNeedMatchingShapes() {
        assertThat(rejection("concat", Attrs.NONE, Shape.of(2, 3), Shape.of(2, 2)).getMessage())
                .contains("argument 1 has shape [2, 2]", "every axis but axis 0");
        assertThat(rejection("concat", Attrs.NONE, Shape.of(2, 3), Shape.of(3)).getMessage())
                .contains("argument 1 has shape [3]");
        assertThat(rejection("concat", Attrs.NONE, Shape.SCALAR, Shape.SCALAR).getMessage()).contains("use stack");
        assertThat(rejection("stack", Attrs.NONE, Shape.of(3), Shape.of(2)).getMessage())
                .contains("argument 1 has shape [2]", "expected the shape of the first argument, [3]");
    }

    @Test
    void vectorOpsNeedVectors() {
        assertThat(rejection("dot", Attrs.NONE, Shape.of(3), Shape.of(2)).getMessage())
                .contains("1-D vectors of equal length", "[3] and [2]");
        assertThat(rejection("outer", Attrs.NONE, Shape.of(3), Shape.of(2, 2)).getMessage()).contains("1-D vectors");
        assertThat(rejection("transpose", Attrs.NONE, Shape.of(3)).getMessage()).contains("expected a 2-D matrix", "[3]");
    }

    @Test
    void maxAndMinOfNothingHaveNoValue() {
        assertThat(rejection("max", Attrs.NONE, Shape.of(0)).getMessage()).contains("empty", "no identity");
        assertThat(rejection("min", Attrs.of("axis", 1), Shape.of(2, 0)).getMessage()).contains("empty axis 1");
    }

    @Test
    void unsliceChecksThatItsArgumentFitsTheSpec() {
        Attrs attrs = Attrs.of("spec", "1:").with("shape", List.of(4));
        assertThat(rejection("unslice", attrs, Shape.of(2)).getMessage()).contains("selects [3] from [4]", "shape [2]");
    }
}
