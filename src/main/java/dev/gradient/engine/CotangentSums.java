package dev.gradient.engine;

import dev.gradient.tensor.Tensor;

/**
 * The cotangents that a reverse sweep accumulates, per node and direction. The first
 * contribution is kept as given (it may share its array with another tensor, so it is never
 * written); a second one makes a new array of the sum, which this owns and adds every later
 * contribution into in place. Sums are {@code old + new}, element by element, in the order the
 * contributions arrive: the same doubles as the adjoint graph's chain of {@code add} nodes.
 */
final class CotangentSums {

    private final int directions;
    private final Tensor[][] sums;
    private final boolean[][] owned;

    /** Room for {@code nodes} nodes and {@code directions} directions, all zero. */
    CotangentSums(int nodes, int directions) {
        this.directions = directions;
        this.sums = new Tensor[nodes][];
        this.owned = new boolean[nodes][];
    }

    /** Adds {@code contribution} to the cotangent of {@code node} in direction {@code d}. */
    void add(int node, int d, Tensor contribution) {
        if (sums[node] == null) {
            sums[node] = new Tensor[directions];
            owned[node] = new boolean[directions];
        }
        Tensor sum = sums[node][d];
        if (sum == null) {
            sums[node][d] = contribution;
            return;
        }
        double[] into = owned[node][d] ? sum.values() : sum.values().clone();
        double[] from = contribution.values();
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
        if (!owned[node][d]) {
            sums[node][d] = Tensor.of(sum.shape(), into);
            owned[node][d] = true;
        }
    }

    /** The cotangents of {@code node}, one per direction ({@code null} entries are zero), or {@code null} if all are zero. */
    Tensor[] of(int node) {
        return sums[node];
    }

    /** Forgets the cotangents of {@code node}, once its step has run and nothing reads them again. */
    void release(int node) {
        sums[node] = null;
        owned[node] = null;
    }
}
