package dev.gradient.sparsity;

import java.util.Arrays;

/**
 * A sparse derivative matrix in coordinate form: {@code values[k]} is the entry at row
 * {@code pattern.rows()[k]} and column {@code pattern.cols()[k]}, over the same flattened output
 * and input elements as {@link SparsityPattern}. Entries outside the pattern are zero. Immutable:
 * the array is copied in and out.
 *
 * @param pattern where the entries are
 * @param values the entries, in the pattern's order
 */
public record SparseMatrix(SparsityPattern pattern, double[] values) {

    public SparseMatrix {
        if (values.length != pattern.nonzeros()) {
            throw new IllegalArgumentException("one value per pattern entry expected: " + pattern.nonzeros() + ", got " + values.length);
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseMatrix s && s.pattern.equals(pattern) && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * pattern.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseMatrix[" + pattern.rowCount() + " x " + pattern.columnCount() + ", " + values.length + " entries]";
    }
}
