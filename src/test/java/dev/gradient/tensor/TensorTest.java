package dev.gradient.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tensors: a shape and its row-major elements, checked to fit, compared bit for bit. */
class TensorTest {

    @Test
    void theElementsMustFitTheShape() {
        assertThatThrownBy(() -> Tensor.of(Shape.of(2, 2), new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [2, 2] holds 4 elements, got 3");
    }

    @Test
    void filledZerosAndUnitTensorsHaveTheirShape() {
        assertThat(Tensor.filled(Shape.of(2), 1.5).values()).containsExactly(1.5, 1.5);
        assertThat(Tensor.zeros(Shape.of(3)).values()).containsExactly(0, 0, 0);
        assertThat(Tensor.unit(Shape.of(2, 2), 2).values()).containsExactly(0, 0, 1, 0);
    }

    @Test
    void onlyATensorOfOneElementHasAScalarValue() {
        assertThat(Tensor.scalar(2.5).scalarValue()).isEqualTo(2.5);
        assertThat(Tensor.of(Shape.of(1, 1), new double[] {4}).scalarValue()).isEqualTo(4);
        assertThatThrownBy(() -> Tensor.zeros(Shape.of(2)).scalarValue()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reshapeKeepsTheElementsAndMapMakesNewOnes() {
        Tensor t = Tensor.of(Shape.of(2, 2), new double[] {1, 2, 3, 4});
        assertThat(t.reshape(Shape.of(4)).values()).containsExactly(1, 2, 3, 4);
        assertThat(t.map(x -> -x).values()).containsExactly(-1, -2, -3, -4);
        assertThat(t.values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void equalityIsShapeAndBitsSoNaNEqualsNaN() {
        assertThat(Tensor.scalar(Double.NaN)).isEqualTo(Tensor.scalar(Double.NaN));
        assertThat(Tensor.scalar(0.0)).isNotEqualTo(Tensor.scalar(-0.0));
        assertThat(Tensor.of(Shape.of(2), new double[] {1, 2})).isNotEqualTo(Tensor.of(Shape.of(2, 1), new double[] {1, 2}));
    }

    @Test
    void allFiniteIsFalseExactlyWhereAnElementIsInfiniteOrNaN() {
        double[] finite = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, 1.0, Double.MIN_NORMAL};
        assertThat(Tensor.of(Shape.of(finite.length), finite.clone()).allFinite()).isTrue();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0xfff8_0000_0000_0001L)}) {
            for (int at = 0; at < finite.length; at++) {
                double[] values = finite.clone();
                values[at] = bad;
                Tensor t = Tensor.of(Shape.of(values.length), values);
                assertThat(t.allFinite()).as("%s at %d", bad, at).isFalse();
                assertThat(t.allFinite()).as("asked again").isFalse();
                assertThat(Tensor.allFinite(values)).isFalse();
            }
        }
    }
}
