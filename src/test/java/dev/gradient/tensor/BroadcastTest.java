package dev.gradient.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broadcasting's index map, and summing back down as its transpose. */
class BroadcastTest {

    @Test
    void equalShapesNeedNoMap() {
        assertThat(Broadcast.indexMap(Shape.of(2, 3), Shape.of(2, 3))).isNull();
    }

    @Test
    void eachElementOfTheResultReadsTheElementNumpyWouldRead() {
        // a column [2,1] against [2,3]: every row repeats its one element
        assertThat(Broadcast.indexMap(Shape.of(2, 1), Shape.of(2, 3))).containsExactly(0, 0, 0, 1, 1, 1);
        // a row [3] against [2,3]: every row reads the whole row
        assertThat(Broadcast.indexMap(Shape.of(3), Shape.of(2, 3))).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(Broadcast.indexMap(Shape.SCALAR, Shape.of(2, 2))).containsExactly(0, 0, 0, 0);
    }

    @Test
    void broadcastToRepeatsAndSumToAddsBack() {
        Tensor row = Tensor.of(Shape.of(3), new double[] {1, 2, 3});
        Tensor repeated = Broadcast.broadcastTo(row, Shape.of(2, 3));
        assertThat(repeated).isEqualTo(Tensor.of(Shape.of(2, 3), new double[] {1, 2, 3, 1, 2, 3}));
        assertThat(Broadcast.sumTo(repeated, Shape.of(3))).isEqualTo(Tensor.of(Shape.of(3), new double[] {2, 4, 6}));
        assertThat(Broadcast.sumTo(repeated, Shape.SCALAR)).isEqualTo(Tensor.scalar(12));
        assertThat(Broadcast.broadcastTo(row, Shape.of(3))).isSameAs(row);
    }

    @Test
    void everyShortcutGivesTheIndexMapsElementsAndSums() {
        Shape[][] pairs = {
            {Shape.of(3), Shape.of(4, 3)}, {Shape.of(1, 3), Shape.of(2, 4, 3)}, {Shape.of(2, 3), Shape.of(5, 2, 3)},
            {Shape.of(4, 1), Shape.of(4, 3)}, {Shape.of(1), Shape.of(2, 2)}, {Shape.of(3, 1, 2), Shape.of(3, 4, 2)},
            {Shape.of(2, 3, 1), Shape.of(2, 3, 4)}, {Shape.of(2, 1, 1), Shape.of(2, 3, 4)}, {Shape.of(1, 3, 1), Shape.of(2, 3, 4)},
        };
        Random random = new Random(17);
        for (Shape[] pair : pairs) {
            Shape small = pair[0];
            Shape big = pair[1];
            int[] map = Broadcast.indexMap(small, big);
            double[] s = new double[Math.toIntExact(small.size())];
            double[] b = new double[Math.toIntExact(big.size())];
            for (int i = 0; i < s.length; i++) {
                s[i] = random.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextGaussian();
            }
            double[] read = new double[b.length];
            double[] summed = new double[s.length];
            for (int i = 0; i < b.length; i++) {
                read[i] = s[map[i]];
                summed[map[i]] += b[i];
            }
            assertThat(Broadcast.broadcastTo(Tensor.of(small, s), big).values()).as("%s to %s", small, big).containsExactly(read);
            assertThat(Broadcast.sumTo(Tensor.of(big, b), small).values()).as("%s back to %s", big, small).containsExactly(summed);
        }
    }
}
