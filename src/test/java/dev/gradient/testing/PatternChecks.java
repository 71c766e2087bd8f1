package dev.gradient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.sparsity.SparsityPattern;

/**
 * Checks of a sparsity pattern against dense derivatives at several points: no non-zero outside
 * the pattern at any point ({@link #assertWithin}, which also marks the non-zeros it sees), and,
 * where the pattern should be exact, every entry of it non-zero at some point ({@link #assertEverySeen}).
 */
public final class PatternChecks {

    private PatternChecks() {
    }

    /** Every non-zero (or NaN) of {@code matrix} is in {@code pattern}; marks them in {@code seen}. */
    public static void assertWithin(SparsityPattern pattern, double[][] matrix, boolean[][] seen, String label) {
        assertThat(pattern.rowCount()).as(label).isEqualTo(matrix.length);
        for (int r = 0; r < matrix.length; r++) {
            assertThat(pattern.columnCount()).as(label).isEqualTo(matrix[r].length);
            for (int col = 0; col < matrix[r].length; col++) {
                if (matrix[r][col] != 0.0) {
                    seen[r][col] = true;
                    assertThat(pattern.contains(r, col)).as("%s: entry (%d, %d) = %s is outside the pattern %s",
                            label, r, col, matrix[r][col], pattern).isTrue();
                }
            }
        }
    }

    /** Every entry of {@code pattern} was marked in {@code seen}: non-zero at some point. */
    public static void assertEverySeen(SparsityPattern pattern, boolean[][] seen, String label) {
        int[] rows = pattern.rows();
        int[] cols = pattern.cols();
        for (int k = 0; k < rows.length; k++) {
            assertThat(seen[rows[k]][cols[k]]).as("%s: pattern entry (%d, %d) was zero at every point", label, rows[k], cols[k])
                    .isTrue();
        }
    }
}
