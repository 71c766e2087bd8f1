package dev.gradient.parse;

import dev.gradient.tensor.Shape;
import java.util.Random;

/** Seeded random shapes for the property tests of values, zero sizes included. */
final class RandomShapes {

    private RandomShapes() {
    }

    /** A shape of fewer than {@code ranks} axes, each of a size below {@code sizes}. */
    static Shape next(Random random, int ranks, int sizes) {
        int[] dims = new int[random.nextInt(ranks)];
        for (int a = 0; a < dims.length; a++) {
            dims[a] = random.nextInt(sizes);
        }
        return Shape.of(dims);
    }
}
