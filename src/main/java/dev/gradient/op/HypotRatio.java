package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Internal: {@code a/hypot(a, b)}, the cosine of the angle of the point {@code (a, b)} from the
 * {@code a} axis; NaN at the origin. It is {@link Hypot}'s partial by {@code a} (and, with the
 * arguments swapped, by {@code b}), a primitive of its own for two reasons.
 *
 * <p>Its derivatives do not cancel. Written as {@code a/y}, the derivative by {@code a} would be
 * {@code 1/y - a^2/y^3}, which cancels where {@code |b|} is small beside {@code |a|} (at (1,
 * 1e-8) nothing is left of the true 1e-16). Here it is {@code s^2/y}, and by {@code b} {@code
 * -c s/y}, with {@code c} this op and {@code s = hypot_ratio(b, a)}: products, whose own
 * derivatives (through this op again) are sums of terms that cancel only where the exact value
 * crosses zero.
 *
 * <p>Its value keeps its digits for subnormal arguments: both are scaled by the same power of
 * two first, exactly, whereas {@code a/hypot(a, b)} divides two numbers with few bits left.
 */
final class HypotRatio extends BinaryOp {

    HypotRatio() {
        super("hypot_ratio", "hypot_ratio(a, b)", "a / hypot(a, b), the cosine of the angle of (a, b).");
    }

    @Override public boolean isPublic() { return false; }
    @Override public String derivativeConvention() { return "b^2/hypot^3 and -ab/hypot^3; NaN at a = b = 0"; }
    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return ratio(a, b); }
    @Override double dfa(double a, double b, double y) { double s = ratio(b, a); return s * (s / Math.hypot(a, b)); }
    @Override double dfb(double a, double b, double y) { return -y * (ratio(b, a) / Math.hypot(a, b)); }

    @Override
    int da(GraphBuilder g, int a, int b, int y) {
        int s = g.call("hypot_ratio", b, a);
        return g.call("mul", s, g.call("div", s, g.call("hypot", a, b)));
    }

    @Override
    int db(GraphBuilder g, int a, int b, int y) {
        return g.call("neg", g.call("mul", y, g.call("div", g.call("hypot_ratio", b, a), g.call("hypot", a, b))));
    }

    /** {@code a/hypot(a, b)}, with both scaled by a power of two that brings the larger near 1. */
    static double ratio(double a, double b) {
        double larger = Math.max(Math.abs(a), Math.abs(b));
        if (larger == 0.0 || !Double.isFinite(larger)) {
            return a / Math.hypot(a, b);
        }
        int scale = -Math.getExponent(larger);
        double sa = Math.scalb(a, scale);
        return sa / Math.hypot(sa, Math.scalb(b, scale));
    }
}
