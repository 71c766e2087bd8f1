package dev.gradient.testing;

import java.util.stream.Stream;

/**
 * The seeds that the seeded property tests run, so that every build tries the same cases and
 * any failure can be replayed from the seed that its display name and message print.
 *
 * <p>The first seed is the base seed: {@value #DEFAULT_BASE} unless the system property
 * {@value #PROPERTY} names another ({@code ./mvnw test -Dgradient.seed=-42}; decimal or
 * {@code 0x} hex). Each later seed is the SplitMix64 mix of the one before it. Passing a failing
 * seed therefore runs that case first, and passing any other value runs a fresh set of cases.
 */
public final class Seeds {

    /** The system property that sets the base seed. */
    public static final String PROPERTY = "gradient.seed";

    /** The base seed of an ordinary build. */
    public static final long DEFAULT_BASE = 20_260_901L;

    private Seeds() {
    }

    /** The first {@code count} seeds from the base seed. */
    public static Stream<Long> first(int count) {
        return Stream.iterate(base(), Seeds::mix).limit(count);
    }

    /** A size from 1 to {@code max} that depends on {@code seed} only, so that the seed alone replays a case. */
    public static int sizeOf(long seed, int max) {
        return 1 + (int) Long.remainderUnsigned(mix(~seed), max);
    }

    /** The base seed: the system property where it is set, else {@link #DEFAULT_BASE}. */
    static long base() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_BASE;
        }
        try {
            return Long.decode(value.strip());
        } catch (NumberFormatException e) {
            // a typo must not quietly run the default seeds instead of the ones asked for
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a long, not '" + value + "'", e);
        }
    }

    /** SplitMix64's finaliser: a bijection of the longs that spreads nearby seeds far apart. */
    private static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
