package dev.gradient.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Shapes: sizes that cannot overflow, row-major strides, and NumPy's broadcasting rule. */
class ShapeTest {

    @Test
    void aScalarHasRankZeroAndOneElement() {
        assertThat(Shape.of()).isSameAs(Shape.SCALAR);
        assertThat(Shape.SCALAR.rank()).isZero();
        assertThat(Shape.SCALAR.size()).isEqualTo(1);
        assertThat(Shape.SCALAR).hasToString("[]");
    }

    @Test
    void aHostileShapesSizeSaturatesInsteadOfOverflowing() {
        assertThat(Shape.of(1 << 30, 1 << 30, 1 << 30).size()).isEqualTo(Long.MAX_VALUE);
        assertThat(Shape.of(2, 0, Integer.MAX_VALUE).size()).isZero();
    }

    @Test
    void aNegativeDimensionIsRefused() {
        assertThatThrownBy(() -> Shape.of(2, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, -1]");
    }

    @Test
    void stridesAreRowMajorInElements() {
        assertThat(Shape.of(2, 3, 4).strides()).containsExactly(12, 4, 1);
    }

    @Test
    void broadcastingAlignsAxesFromTheRightAndStretchesOnes() {
        assertThat(Shape.broadcast(Shape.of(3, 1), Shape.of(4))).isEqualTo(Shape.of(3, 4));
        assertThat(Shape.broadcast(Shape.SCALAR, Shape.of(2, 2))).isEqualTo(Shape.of(2, 2));
        assertThat(Shape.broadcast(Shape.of(2, 3), Shape.of(3, 2))).isNull();
        assertThat(Shape.of(3).broadcastsTo(Shape.of(2, 3))).isTrue();
        assertThat(Shape.of(2, 3).broadcastsTo(Shape.of(3))).isFalse();
    }

    @Test
    void axesAreRemovedSetInsertedAndJoined() {
        Shape s = Shape.of(2, 3, 4);
        assertThat(s.without(1)).isEqualTo(Shape.of(2, 4));
        assertThat(s.with(0, 5)).isEqualTo(Shape.of(5, 3, 4));
        assertThat(s.inserting(3, 1)).isEqualTo(Shape.of(2, 3, 4, 1));
        assertThat(Shape.of(2).concat(Shape.of(3, 4))).isEqualTo(s);
    }
}
