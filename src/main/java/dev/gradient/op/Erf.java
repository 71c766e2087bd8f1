package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * The error function; derivative {@code 2/sqrt(pi) e^(-x^2)}. Below 2^-28 in size it is
 * {@code 2x/sqrt(pi)} (the next term is {@code x^2/3} smaller, below the last bit): the
 * library's formula squares {@code x}, which underflows past 1e-154 and loses digits before,
 * so erf(1e-300) would be 0.
 */
final class Erf extends UnaryOp {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double SMALL = 0x1p-28;

    Erf() {
        super("erf", "The error function.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }

    @Override
    double f(double x) {
        return Math.abs(x) < SMALL ? TWO_OVER_SQRT_PI * x : org.hipparchus.special.Erf.erf(x);
    }

    @Override double df(double x, double y) { return TWO_OVER_SQRT_PI * Math.exp(-(x * x)); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("mul", b.constant(TWO_OVER_SQRT_PI), b.call("exp", b.call("neg", b.call("mul", x, x))));
    }
}
