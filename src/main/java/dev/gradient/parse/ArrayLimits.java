package dev.gradient.parse;

/**
 * The bounds on one value read from a request, checked before its elements are allocated: a
 * binary array that claims a shape past them is refused on its claim alone.
 *
 * @param maxElements the most elements one value may have
 * @param maxRank the most axes one value may have (nested JSON arrays are bounded by the JSON
 *     depth limit; a binary array's shape is bounded by this, so that it can say nothing the
 *     nested form could not)
 */
public record ArrayLimits(long maxElements, int maxRank) {

    /** No bounds beyond what the request's own data holds: for tools and tests, never for requests. */
    public static final ArrayLimits DATA_BOUND = new ArrayLimits(Long.MAX_VALUE, Integer.MAX_VALUE);

    /** The bounds on an array that stacks up to {@code count} values within these bounds along a new first axis. */
    public ArrayLimits stacked(int count) {
        return new ArrayLimits(saturatingMultiply(maxElements, count), maxRank == Integer.MAX_VALUE ? maxRank : maxRank + 1);
    }

    /** {@code a * b} for counts (0 or more), {@link Long#MAX_VALUE} where that overflows. */
    static long saturatingMultiply(long a, long b) {
        long product = a * b;
        return Math.multiplyHigh(a, b) != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
