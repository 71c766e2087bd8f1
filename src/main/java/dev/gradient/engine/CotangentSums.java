package dev.gradient.engine;

import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * The cotangents that a reverse sweep accumulates, per node and direction. The first
 * contribution is kept as given; unless its giver says the array is its own (nothing else
 * shares it), it is never written, and a second contribution makes a new array of the sum. An
 * array of its own takes every later contribution in place. Sums are {@code old + new}, element
 * by element, in the order the contributions arrive: the same doubles as the adjoint graph's
 * chain of {@code add} nodes.
 *
 * <p>Arrays come from the sweep's {@link Arena}: a sum's array, and a contribution that is its
 * own, go back to it once nothing reads them (a contribution added into a sum at once; a node's
 * cotangent when its step has run, unless the step passed the same array on, {@link #disown}).
 *
 * <p>With one direction (a gradient) the slots are one flat array, so nothing is allocated per
 * node, and the cotangent of a scalar node is a plain double ({@link #addScalar}); with several, a node's slots are allocated when it first gets a cotangent and dropped
 * when its step has run, so that memory follows the sweep's frontier rather than nodes times
 * directions.
 */
final class CotangentSums {

    private final int directions;
    private final Arena arena;
    private final Tensor[][] slots;
    private final boolean[][] owned;
    private final boolean[] scalarNodes;
    private final double[] scalarSums;
    private final boolean[] scalarPresent;

    /**
     * Room for {@code nodes} nodes and {@code directions} directions, all zero; with one
     * direction, the nodes where {@code scalarNodes} is true keep their cotangents as doubles.
     */
    CotangentSums(int nodes, int directions, boolean[] scalarNodes, Arena arena) {
        this.directions = directions;
        this.arena = arena;
        this.slots = directions == 1 ? new Tensor[][] {new Tensor[nodes]} : new Tensor[nodes][];
        this.owned = directions == 1 ? new boolean[][] {new boolean[nodes]} : new boolean[nodes][];
        this.scalarNodes = directions == 1 ? scalarNodes : new boolean[nodes];
        this.scalarSums = directions == 1 ? new double[nodes] : null;
        this.scalarPresent = directions == 1 ? new boolean[nodes] : null;
    }

    /** Adds {@code contribution} to the cotangent of the scalar node {@code node} (one direction only). */
    void addScalar(int node, double contribution) {
        if (scalarPresent[node]) {
            scalarSums[node] = scalarSums[node] + contribution;
        } else {
            scalarSums[node] = contribution;
            scalarPresent[node] = true;
        }
    }

    /** The cotangent of the scalar node {@code node}, or 0. */
    double scalar(int node) {
        return scalarSums[node];
    }

    /** Adds {@code contribution}, whose array others may share, to the cotangent of {@code node} in direction {@code d}. */
    void add(int node, int d, Tensor contribution) {
        add(node, d, contribution, false);
    }

    /**
     * Adds {@code contribution} to the cotangent of {@code node} in direction {@code d}; {@code
     * own} where its array is the caller's alone, to keep, write into and give back.
     */
    void add(int node, int d, Tensor contribution, boolean own) {
        if (scalarNodes[node]) {
            addScalar(node, contribution.get(0));
            return;
        }
        int row = directions == 1 ? 0 : node;
        int at = directions == 1 ? node : d;
        if (slots[row] == null) {
            slots[row] = new Tensor[directions];
            owned[row] = new boolean[directions];
        }
        Tensor sum = slots[row][at];
        if (sum == null) {
            slots[row][at] = contribution;
            owned[row][at] = own;
            return;
        }
        double[] from = contribution.values();
        if (owned[row][at]) {
            double[] into = sum.values();
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        } else {
            double[] old = sum.values();
            double[] into = arena.take(old.length);
            for (int i = 0; i < into.length; i++) {
                into[i] = old[i] + from[i];
            }
            slots[row][at] = Tensor.of(sum.shape(), into);
            owned[row][at] = true;
        }
        if (own) {
            arena.recycle(from);
        }
    }

    /** Says that the cotangent of {@code node} in direction {@code d} was passed on as it is: its array is shared now. */
    void disown(int node, int d) {
        if (scalarNodes[node]) {
            return;
        }
        int row = directions == 1 ? 0 : node;
        int at = directions == 1 ? node : d;
        if (owned[row] != null) {
            owned[row][at] = false;
        }
    }

    /** Whether {@code node} may have a cotangent in some direction (false: it has none). */
    boolean any(int node) {
        if (scalarNodes[node]) {
            return scalarPresent[node];
        }
        return directions == 1 ? slots[0][node] != null : slots[node] != null;
    }

    /** The cotangent of {@code node} in direction {@code d}, or {@code null} for zero. */
    Tensor get(int node, int d) {
        if (scalarNodes[node]) {
            return scalarPresent[node] ? Tensor.scalar(scalarSums[node]) : null;
        }
        if (directions == 1) {
            return slots[0][node];
        }
        return slots[node] == null ? null : slots[node][d];
    }

    /**
     * Forgets the cotangents of {@code node}, once its step has run and nothing reads them again,
     * and gives back the arrays that were its own.
     */
    void release(int node) {
        if (scalarNodes[node]) {
            scalarPresent[node] = false;
        } else if (directions == 1) {
            giveBack(slots[0][node], owned[0][node]);
            slots[0][node] = null;
            owned[0][node] = false;
        } else if (slots[node] != null) {
            for (int d = 0; d < directions; d++) {
                giveBack(slots[node][d], owned[node][d]);
            }
            slots[node] = null;
            owned[node] = null;
        }
    }

    private void giveBack(Tensor sum, boolean own) {
        if (sum != null && own) {
            arena.recycle(sum.values());
        }
    }
}
