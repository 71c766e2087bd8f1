package dev.gradient.sparsity;

/**
 * The structural dependencies of one node: for each of its elements (row-major), the sorted
 * flattened indices of the differentiated input elements it may depend on. Sets are shared
 * between nodes where an op only moves elements, so they are never modified once made.
 */
final class IndexSets {

    /** The set of an element that depends on nothing differentiated. */
    static final int[] EMPTY = new int[0];

    private final int[][] sets;

    /** The sets {@code sets}, one per element; a {@code null} entry is empty. Takes ownership of the array. */
    IndexSets(int[][] sets) {
        this.sets = sets;
    }

    /** {@code size} elements that depend on nothing. */
    static IndexSets empty(int size) {
        return new IndexSets(new int[size][]);
    }

    /** The elements of a differentiated input whose first element has flattened index {@code offset}: each depends on itself. */
    static IndexSets identity(int size, int offset) {
        int[][] sets = new int[size][];
        for (int e = 0; e < size; e++) {
            sets[e] = new int[] {offset + e};
        }
        return new IndexSets(sets);
    }

    /** How many elements. */
    int size() {
        return sets.length;
    }

    /** The set of element {@code e}, never {@code null}. */
    int[] get(int e) {
        int[] set = sets[e];
        return set == null ? EMPTY : set;
    }
}
