package dev.gradient.sparsity;

import dev.gradient.tensor.Tensor;

/**
 * Tensors laid end to end as one vector: the flattened elements that the rows and columns of
 * patterns and sparse matrices index (each tensor row-major, the tensors in order).
 */
public final class FlatElements {

    private FlatElements() {
    }

    /** The elements of {@code tensors}, one tensor after another. */
    public static double[] flatten(Tensor[] tensors) {
        int size = 0;
        for (Tensor t : tensors) {
            size = Math.addExact(size, t.size());
        }
        double[] flat = new double[size];
        int offset = 0;
        for (Tensor t : tensors) {
            System.arraycopy(t.values(), 0, flat, offset, t.size());
            offset += t.size();
        }
        return flat;
    }
}
