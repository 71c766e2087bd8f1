package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Inverse hyperbolic sine, odd. The value by fdlibm's cases: {@code x} itself below 2^-28,
 * {@code log1p(|x| + x^2/(1 + sqrt(1 + x^2)))} up to 2, {@code log(2|x| + 1/(sqrt(x^2 + 1) +
 * |x|))} up to 2^28 and {@code log(|x|) + log(2)} beyond, since {@code log(|x| + sqrt(x^2 +
 * 1))} overflows past 1e154 and loses digits near 0.
 *
 * <p>The derivative {@code 1/sqrt(x^2 + 1)} is written {@code 1/hypot(x, 1)} so that {@code
 * x^2} cannot overflow; its own derivatives come from {@link Hypot}'s, which do not cancel.
 */
final class Asinh extends UnaryOp {

    private static final double SMALL = 0x1p-28;
    private static final double LARGE = 0x1p28;
    private static final double LN2 = Math.log(2.0);

    Asinh() {
        super("asinh", "Inverse hyperbolic sine.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }

    @Override
    double f(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < SMALL || Double.isNaN(x)) {
            return x;
        } else if (ax >= LARGE) {
            r = Math.log(ax) + LN2;
        } else if (ax > 2.0) {
            r = Math.log(2.0 * ax + 1.0 / (Math.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            r = Math.log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return Math.copySign(r, x);
    }

    @Override double df(double x, double y) { return 1.0 / Math.hypot(x, 1.0); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(1.0), b.call("hypot", x, b.constant(1.0))); }
}
