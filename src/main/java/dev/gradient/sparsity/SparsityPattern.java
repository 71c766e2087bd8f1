package dev.gradient.sparsity;

import java.util.Arrays;

/**
 * The structural non-zeros of a derivative matrix in coordinate form: entry {@code k} is at row
 * {@code rows[k]}, column {@code cols[k]}, sorted by row and then column, each once. Rows are the
 * flattened output elements (outputs in order, each row-major), columns the flattened elements
 * of the differentiated inputs in {@code wrt} order. Immutable: the arrays are copied in and out.
 *
 * @param rowCount the number of rows, {@code m}
 * @param columnCount the number of columns, {@code n}
 */
public record SparsityPattern(int rowCount, int columnCount, int[] rows, int[] cols) {

    public SparsityPattern {
        if (rows.length != cols.length) {
            throw new IllegalArgumentException("one column per row index expected, got " + rows.length + " and " + cols.length);
        }
        rows = rows.clone();
        cols = cols.clone();
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] < 0 || rows[k] >= rowCount || cols[k] < 0 || cols[k] >= columnCount) {
                throw new IllegalArgumentException("entry " + k + " (" + rows[k] + ", " + cols[k] + ") is outside ["
                        + rowCount + ", " + columnCount + "]");
            }
            if (k > 0 && (rows[k] < rows[k - 1] || rows[k] == rows[k - 1] && cols[k] <= cols[k - 1])) {
                throw new IllegalArgumentException("entry " + k + " is not after entry " + (k - 1) + " in row-then-column order");
            }
        }
    }

    /** The pattern whose row {@code r} holds the sorted columns {@code byRow[r]}. */
    static SparsityPattern ofRows(int columnCount, int[][] byRow) {
        int nonzeros = 0;
        for (int[] row : byRow) {
            nonzeros = Math.addExact(nonzeros, row.length);
        }
        int[] rows = new int[nonzeros];
        int[] cols = new int[nonzeros];
        int k = 0;
        for (int r = 0; r < byRow.length; r++) {
            for (int c : byRow[r]) {
                rows[k] = r;
                cols[k++] = c;
            }
        }
        return new SparsityPattern(byRow.length, columnCount, rows, cols);
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public int[] cols() {
        return cols.clone();
    }

    /** How many structural non-zeros. */
    public int nonzeros() {
        return rows.length;
    }

    /** Whether {@code (row, col)} is a structural non-zero. */
    public boolean contains(int row, int col) {
        int from = lowerBound(rows, row);
        int to = lowerBound(rows, row + 1);
        return from < to && Arrays.binarySearch(cols, from, to, col) >= 0;
    }

    /** The columns of each row, sorted. */
    public int[][] byRow() {
        int[][] byRow = new int[rowCount][];
        int k = 0;
        for (int r = 0; r < rowCount; r++) {
            int end = lowerBound(rows, r + 1);
            byRow[r] = Arrays.copyOfRange(cols, k, end);
            k = end;
        }
        return byRow;
    }

    /** The rows of each column, sorted. */
    public int[][] byColumn() {
        int[] counts = new int[columnCount];
        for (int c : cols) {
            counts[c]++;
        }
        int[][] byColumn = new int[columnCount][];
        for (int c = 0; c < columnCount; c++) {
            byColumn[c] = new int[counts[c]];
        }
        int[] filled = new int[columnCount];
        for (int k = 0; k < rows.length; k++) {
            byColumn[cols[k]][filled[cols[k]]++] = rows[k];
        }
        return byColumn;
    }

    /** The transposed pattern. */
    public SparsityPattern transpose() {
        return ofRows(rowCount, byColumn());
    }

    /** The most non-zeros in one row: a lower bound on the colours of any column colouring. */
    public int maxRowDegree() {
        int max = 0;
        int k = 0;
        for (int r = 0; r < rowCount; r++) {
            int end = lowerBound(rows, r + 1);
            max = Math.max(max, end - k);
            k = end;
        }
        return max;
    }

    /** The first position of {@code sorted} holding {@code value} or more. */
    private static int lowerBound(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparsityPattern p && p.rowCount == rowCount && p.columnCount == columnCount
                && Arrays.equals(p.rows, rows) && Arrays.equals(p.cols, cols);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rowCount + columnCount) + Arrays.hashCode(rows) * 17 + Arrays.hashCode(cols);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SparsityPattern[" + rowCount + " x " + columnCount + ":");
        for (int k = 0; k < Math.min(rows.length, 50); k++) {
            s.append(" (").append(rows[k]).append(',').append(cols[k]).append(')');
        }
        return s.append(rows.length > 50 ? " ...]" : "]").toString();
    }
}
