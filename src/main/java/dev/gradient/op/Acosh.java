package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Inverse hyperbolic cosine; NaN below 1 (and for NaN).
 *
 * <p>The value by fdlibm's cases, since {@code log(x + sqrt(x^2 - 1))} fails at both ends: near
 * 1 it is {@code log1p(t + sqrt(2t + t^2))} with {@code t = x - 1}, exact there (the plain form
 * rounds {@code x^2 - 1}); above 2^28 it is {@code log(x) + log(2)}, since {@code x^2} overflows
 * past 1e154 and {@code x + sqrt(x^2 - 1)} cancels for large negative {@code x}, which must be
 * NaN and not -Infinity.
 *
 * <p>The derivative {@code 1/sqrt(x^2 - 1)} also has two forms, one each side of 2, both the
 * same function: {@code 1/(sqrt(x - 1) sqrt(x + 1))} below, exact near 1, where it is
 * Infinity, and {@code w/sqrt((1 - w)(1 + w))} with {@code w = 1/x} above, which cannot
 * overflow and whose own derivatives are sums of terms of one sign. In the first form they
 * cancel for large {@code x}, where the slope of {@code sqrt(x^2 - 1)} tends to 1 (acosh''' at
 * 1e8 would keep no digit).
 */
final class Acosh extends UnaryOp {

    private static final double LARGE = 0x1p28;
    private static final double SWITCH = 2.0;
    private static final double LN2 = Math.log(2.0);

    Acosh() {
        super("acosh", "Inverse hyperbolic cosine (x >= 1).");
    }

    @Override public String derivativeConvention() { return "1/sqrt(x^2 - 1); Infinity at 1"; }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }

    @Override
    double f(double x) {
        if (!(x >= 1.0)) {
            return Double.NaN;
        }
        if (x >= LARGE) {
            return Math.log(x) + LN2;
        }
        if (x > SWITCH) {
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
        }
        double t = x - 1.0;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    @Override
    double df(double x, double y) {
        if (x < SWITCH) {
            return 1.0 / (Math.sqrt(x - 1.0) * Math.sqrt(x + 1.0));
        }
        double w = 1.0 / x;
        return w / Math.sqrt((1.0 - w) * (1.0 + w));
    }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        int one = b.constant(1.0);
        int nearOne = b.call("div", one, b.call("mul", b.call("sqrt", b.call("sub", x, one)), b.call("sqrt", b.call("add", x, one))));
        int w = b.call("div", one, x);
        int large = b.call("div", w, b.call("sqrt", b.call("mul", b.call("sub", one, w), b.call("add", one, w))));
        return b.call("where", b.call("lt", x, b.constant(SWITCH)), nearOne, large);
    }
}
