package dev.gradient.sparsity;

import dev.gradient.engine.Cost;
import dev.gradient.error.GradientException;
import java.util.Arrays;

/**
 * The colourings that compress sparse derivatives (Gebremedhin, Manne and Pothen, "What color is
 * your Jacobian? Graph coloring for computing derivatives", SIAM Review 47, 2005), greedy in
 * largest-first order of the degrees in the graph being coloured:
 *
 * <ul>
 *   <li>{@link #columns}: distance-2 colouring of the columns in the bipartite graph of a
 *       Jacobian pattern (no two columns of one colour share a row), for forward mode: one JVP
 *       per colour, and each entry read off directly;</li>
 *   <li>{@link #rows}: the same for the rows, for reverse mode: one VJP per colour;</li>
 *   <li>{@link #star}: star colouring of the adjacency graph of a symmetric Hessian pattern (a
 *       distance-1 colouring in which every path on four vertices has at least three colours),
 *       for one Hessian-vector product per colour and direct recovery; the same greedy
 *       colouring, found through the two-coloured stars it has built ({@link StarColouring},
 *       after their 2007 paper with Tarafdar) rather than by searching paths.</li>
 * </ul>
 *
 * <p>Each is priced before it runs ({@link #columnsCost}, {@link #starCost}) in index
 * operations, the unit of {@code gradient.limits.max-cost}, and refused past the caller's limit;
 * the star colouring, whose work depends on its colours, also counts as it goes.
 * The greedy colourings need at least the largest row degree of colours, the lower bound for
 * any column colouring.
 */
public final class Colourings {

    private Colourings() {
    }

    /** The work of {@link #columns}: each row's length squared, once for the degrees and once for the colours. */
    public static long columnsCost(SparsityPattern pattern) {
        long work = Cost.add(pattern.nonzeros(), pattern.columnCount());
        for (int[] row : pattern.byRow()) {
            work = Cost.add(work, Cost.multiply(2, Cost.multiply(row.length, row.length)));
        }
        return work;
    }

    /** The work of {@link #rows}. */
    public static long rowsCost(SparsityPattern pattern) {
        return columnsCost(pattern.transpose());
    }

    /** A distance-2 colouring of the columns of {@code pattern}; refused past {@code maxCost}. */
    public static Colouring columns(SparsityPattern pattern, long maxCost) {
        admit("column colouring", columnsCost(pattern), maxCost);
        int[][] byRow = pattern.byRow();
        int[][] byColumn = pattern.byColumn();
        int n = pattern.columnCount();
        int[] marks = new int[n];
        Arrays.fill(marks, -1);
        int[] degrees = new int[n];
        for (int c = 0; c < n; c++) {
            for (int r : byColumn[c]) {
                for (int other : byRow[r]) {
                    if (other != c && marks[other] != c) {
                        marks[other] = c;
                        degrees[c]++;
                    }
                }
            }
        }
        int[] colours = new int[n];
        Arrays.fill(colours, -1);
        int[] forbidden = new int[n + 1];
        Arrays.fill(forbidden, -1);
        int count = 0;
        for (int c : LargestFirst.order(degrees)) {
            for (int r : byColumn[c]) {
                for (int other : byRow[r]) {
                    if (colours[other] >= 0) {
                        forbidden[colours[other]] = c;
                    }
                }
            }
            colours[c] = firstAllowed(forbidden, c);
            count = Math.max(count, colours[c] + 1);
        }
        return new Colouring(colours, count);
    }

    /** A distance-2 colouring of the rows of {@code pattern}; refused past {@code maxCost}. */
    public static Colouring rows(SparsityPattern pattern, long maxCost) {
        return columns(pattern.transpose(), maxCost);
    }

    /**
     * The least work of {@link #star}: each entry and each vertex once. What it takes beyond that
     * depends on the colours, so {@link #star} counts it as it goes.
     */
    public static long starCost(SparsityPattern symmetric) {
        return Cost.add(symmetric.nonzeros(), symmetric.rowCount());
    }

    /**
     * A star colouring of the adjacency graph of the symmetric pattern {@code symmetric} (the
     * diagonal ignored), by {@link StarColouring}; refused past {@code maxCost}. A vertex may not
     * take a colour that would give it a neighbour of its own colour, or make a path on four
     * vertices through it two-coloured: as an end ({@code v-w-x-y} with {@code x} of its colour
     * and {@code y} of {@code w}'s) or inside ({@code u-v-w-x} with {@code u} and {@code w} of
     * one colour and {@code x} of its own).
     */
    public static Colouring star(SparsityPattern symmetric, long maxCost) {
        if (symmetric.rowCount() != symmetric.columnCount()) {
            throw new IllegalArgumentException("a star colouring needs a square pattern, got " + symmetric.rowCount() + " x "
                    + symmetric.columnCount());
        }
        admit("star colouring", starCost(symmetric), maxCost);
        int[][] adjacency = offDiagonal(symmetric.byRow());
        int[] degrees = new int[adjacency.length];
        for (int v = 0; v < adjacency.length; v++) {
            degrees[v] = adjacency[v].length;
        }
        int[] colours = StarColouring.colour(adjacency, LargestFirst.order(degrees), maxCost);
        int count = 0;
        for (int colour : colours) {
            count = Math.max(count, colour + 1);
        }
        return new Colouring(colours, count);
    }

    /** Each vertex's neighbours without itself. */
    static int[][] offDiagonal(int[][] byRow) {
        int[][] adjacency = new int[byRow.length][];
        for (int v = 0; v < byRow.length; v++) {
            int at = Arrays.binarySearch(byRow[v], v);
            if (at < 0) {
                adjacency[v] = byRow[v];
            } else {
                int[] without = new int[byRow[v].length - 1];
                System.arraycopy(byRow[v], 0, without, 0, at);
                System.arraycopy(byRow[v], at + 1, without, at, without.length - at);
                adjacency[v] = without;
            }
        }
        return adjacency;
    }

    private static int firstAllowed(int[] forbidden, int vertex) {
        int colour = 0;
        while (forbidden[colour] == vertex) {
            colour++;
        }
        return colour;
    }

    private static void admit(String what, long work, long maxCost) {
        if (work > maxCost) {
            throw GradientException.limitExceeded("gradient.limits.max-cost", "the " + what + " would take about " + work
                    + " index operations, more than gradient.limits.max-cost (" + maxCost + ")");
        }
    }
}
