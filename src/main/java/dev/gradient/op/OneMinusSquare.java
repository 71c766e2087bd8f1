package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * {@code 1 - x^2}, the denominator of the derivatives of asin, acos and atanh, in the form that
 * keeps its digits: {@code 1 - x*x} for {@code |x| < 1/2} and {@code (1 - x)(1 + x)} beyond.
 *
 * <p>Near ±1 the first form cancels ({@code x*x} is rounded before the subtraction, so at
 * {@code 1 - 1e-10} six digits are left), while {@code 1 - x} is exact there. Near 0 the second
 * form is exact in value, but its derivative {@code (1 - x) - (1 + x)} cancels (at {@code
 * 1e-8} it keeps eight digits), while that of {@code 1 - x*x} is {@code -2x}. Both branches are
 * the same polynomial, so the {@code where} between them, whose condition has a zero
 * derivative, gives every derivative order exactly on either side.
 */
final class OneMinusSquare {

    private static final double SWITCH = 0.5;

    private OneMinusSquare() {
    }

    /** {@code 1 - x^2} at {@code x}. */
    static double of(double x) {
        return Math.abs(x) < SWITCH ? 1.0 - x * x : (1.0 - x) * (1.0 + x);
    }

    /** {@code 1 - x^2} as nodes of {@code b}, by the same formula as {@link #of(double)}. */
    static int of(GraphBuilder b, int x) {
        int one = b.constant(1.0);
        int nearZero = b.call("lt", b.call("abs", x), b.constant(SWITCH));
        int small = b.call("sub", one, b.call("mul", x, x));
        int nearOne = b.call("mul", b.call("sub", one, x), b.call("add", one, x));
        return b.call("where", nearZero, small, nearOne);
    }
}
