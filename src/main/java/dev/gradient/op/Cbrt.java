package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Cube root, defined for negative {@code x} too. Its derivative {@code 1/(3 cbrt(x)^2)},
 * Infinity at 0, is computed as {@code (1/cbrt(x))^2 / 3}: the reciprocal is squared rather
 * than {@code cbrt(x)}, so that in the higher derivatives no intermediate overflows before the
 * result does (cbrt''' at 1e-300, which is Infinity, would otherwise be Infinity minus
 * Infinity).
 */
final class Cbrt extends UnaryOp {

    private static final double THIRD = 1.0 / 3.0;

    Cbrt() {
        super("cbrt", "Cube root (real, also for negative x).");
    }

    @Override public String derivativeConvention() { return "1/(3 cbrt(x)^2); cbrt'(0) = Infinity"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.cbrt(x); }
    @Override double df(double x, double y) { double r = 1.0 / y; return THIRD * (r * r); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("mul", b.constant(THIRD), b.call("square", b.call("div", b.constant(1.0), y)));
    }
}
