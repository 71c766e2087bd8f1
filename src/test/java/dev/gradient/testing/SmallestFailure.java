package dev.gradient.testing;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Shrinking by hand for generators that build their case step by step from a seed, so that the
 * case of size {@code k} is a prefix of the case of size {@code n > k} with the same seed.
 * Where a property fails at size {@code n}, sizes 1 to {@code n} are tried in turn and the
 * smallest failing one is reported: its seed, its size, its description and its failure.
 */
public final class SmallestFailure {

    private SmallestFailure() {
    }

    /**
     * Runs {@code property} on the case of size {@code size}; where it fails (an assertion or any
     * exception), throws an {@link AssertionError} for the smallest failing size instead.
     *
     * @param seed the seed of the case, printed so that it can be replayed
     * @param size the size to check
     * @param describe the case of a given size, readably (such as its graph's nodes)
     * @param property checks the case of a given size, throwing where the property does not hold
     */
    public static void check(long seed, int size, IntFunction<String> describe, IntConsumer property) {
        Throwable failure = failureAt(size, property);
        if (failure == null) {
            return;
        }
        int smallest = size;
        for (int k = 1; k < size; k++) {
            Throwable smaller = failureAt(k, property);
            if (smaller != null) {
                smallest = k;
                failure = smaller;
                break;
            }
        }
        throw new AssertionError("seed " + seed + " fails at size " + smallest + " (smallest of 1.." + size
                + "; replay with -D" + Seeds.PROPERTY + "=" + seed + ")\n" + describe.apply(smallest)
                + "\n" + failure.getMessage(), failure);
    }

    private static Throwable failureAt(int size, IntConsumer property) {
        try {
            property.accept(size);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }
}
