package dev.gradient.sparsity;

/**
 * The largest-first vertex ordering of greedy colouring: vertices by decreasing degree, ties in
 * index order, by a counting sort in time linear in the vertices and the largest degree.
 */
final class LargestFirst {

    private LargestFirst() {
    }

    /** The vertices {@code 0 .. degrees.length - 1} ordered by decreasing {@code degrees}. */
    static int[] order(int[] degrees) {
        int max = 0;
        for (int d : degrees) {
            max = Math.max(max, d);
        }
        int[] starts = new int[max + 2];
        for (int d : degrees) {
            starts[max - d + 1]++;
        }
        for (int k = 0; k <= max; k++) {
            starts[k + 1] += starts[k];
        }
        int[] order = new int[degrees.length];
        for (int v = 0; v < degrees.length; v++) {
            order[starts[max - degrees[v]]++] = v;
        }
        return order;
    }
}
