package dev.gradient.program;

import java.util.function.Supplier;

/**
 * Counts the element operations (the unit of {@code gradient.limits.max-cost}: an op's {@code
 * cost}, roughly its output's and arguments' elements) that programs and engines run on this
 * thread while a count is open: what tests use to check the cost model's estimates against the
 * work actually done. Nothing is counted, and nothing is spent, when no count is open: a run
 * asks once whether one is, not once per node.
 */
public final class ElementOperations {

    private static final ThreadLocal<long[]> OPEN = new ThreadLocal<>();

    private ElementOperations() {
    }

    /** The result of {@code work} and the element operations it ran on this thread. */
    public static <T> Counted<T> count(Supplier<T> work) {
        long[] previous = OPEN.get();
        long[] counter = {0};
        OPEN.set(counter);
        try {
            T result = work.get();
            return new Counted<>(result, counter[0]);
        } finally {
            if (previous == null) {
                OPEN.remove();
            } else {
                previous[0] += counter[0];
                OPEN.set(previous);
            }
        }
    }

    /** The open counter of this thread, or {@code null}: a caller adds to {@code counter[0]}. */
    public static long[] counter() {
        return OPEN.get();
    }

    /** A result with the element operations it took. */
    public record Counted<T>(T result, long operations) {
    }
}
