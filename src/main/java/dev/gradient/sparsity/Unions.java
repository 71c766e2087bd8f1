package dev.gradient.sparsity;

import java.util.Arrays;

/**
 * Unions of sorted index sets in time linear in their total size (plus sorting the result): a
 * mark per index says whether it is in the union being built. One per propagation; not thread-safe.
 */
final class Unions {

    private final int[] marks;
    private int stamp;
    private int[] buffer = new int[16];
    private int count;
    private int[] only;
    private int sets;

    /** Unions of subsets of {@code 0 .. universe - 1}. */
    Unions(int universe) {
        this.marks = new int[universe];
    }

    /** Starts a new union. */
    void begin() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(marks, 0);
            stamp = 1;
        }
        count = 0;
        only = null;
        sets = 0;
    }

    /** Adds {@code set} to the union begun last. */
    void add(int[] set) {
        if (set.length == 0) {
            return;
        }
        sets++;
        only = set;
        for (int index : set) {
            if (marks[index] != stamp) {
                marks[index] = stamp;
                if (count == buffer.length) {
                    buffer = Arrays.copyOf(buffer, 2 * count);
                }
                buffer[count++] = index;
            }
        }
    }

    /** The union, sorted; the one set added itself where only one non-empty set was added, so that it is shared. */
    int[] end() {
        if (count == 0) {
            return IndexSets.EMPTY;
        }
        if (sets == 1) {
            return only;
        }
        int[] union = Arrays.copyOf(buffer, count);
        Arrays.sort(union);
        return union;
    }
}
