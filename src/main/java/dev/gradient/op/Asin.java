package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Inverse sine; NaN outside [-1, 1]; derivative {@code 1/sqrt(1 - x^2)}, Infinity at ±1. */
final class Asin extends UnaryOp {

    Asin() {
        super("asin", "Inverse sine (radians).");
    }

    @Override public String derivativeConvention() { return "1/sqrt(1 - x^2); Infinity at -1 and 1"; }
    @Override double f(double x) { return Math.asin(x); }
    @Override double df(double x, double y) { return 1.0 / Math.sqrt(1.0 - x * x); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("div", b.constant(1.0), b.call("sqrt", b.call("sub", b.constant(1.0), b.call("mul", x, x))));
    }
}
