package dev.gradient.engine;

/**
 * The estimated size of one product at one point, before it runs: the work, in element
 * operations (the unit of {@code gradient.limits.max-cost}); how many numbers its result holds
 * (the unit of {@code gradient.limits.max-result-elements}); and the elements of the largest
 * derivative tensor it builds (the unit of {@code gradient.limits.max-elements}). Sums saturate
 * at {@link Long#MAX_VALUE}, so that an absurd request is refused rather than wrapped around.
 */
public record Cost(long elementOperations, long resultElements, long largestTensor) {

    /** Nothing: the start of a sum. */
    public static final Cost NONE = new Cost(0, 0, 0);

    /** Work and a result, with no derivative tensor beyond the result. */
    public Cost(long elementOperations, long resultElements) {
        this(elementOperations, resultElements, 0);
    }

    /** This and {@code other} together. */
    public Cost plus(Cost other) {
        return new Cost(add(elementOperations, other.elementOperations), add(resultElements, other.resultElements),
                Math.max(largestTensor, other.largestTensor));
    }

    /** This, with {@code more} numbers in its result (such as a Jacobian given again as a matrix). */
    public Cost withMoreResults(long more) {
        return new Cost(elementOperations, add(resultElements, more), largestTensor);
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} where that overflows (both are non-negative). */
    public static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} where that overflows (both are non-negative). */
    public static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }
}
