package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** The error function; derivative {@code 2/sqrt(pi) e^(-x^2)}. */
final class Erf extends UnaryOp {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    Erf() {
        super("erf", "The error function.");
    }

    @Override double f(double x) { return org.hipparchus.special.Erf.erf(x); }
    @Override double df(double x, double y) { return TWO_OVER_SQRT_PI * Math.exp(-(x * x)); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("mul", b.constant(TWO_OVER_SQRT_PI), b.call("exp", b.call("neg", b.call("mul", x, x))));
    }
}
