package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Cube root, defined for negative {@code x} too; its derivative {@code 1/(3 cbrt(x)^2)} is Infinity at 0. */
final class Cbrt extends UnaryOp {

    private static final double THIRD = 1.0 / 3.0;

    Cbrt() {
        super("cbrt", "Cube root (real, also for negative x).");
    }

    @Override public String derivativeConvention() { return "1/(3 cbrt(x)^2); cbrt'(0) = Infinity"; }
    @Override double f(double x) { return Math.cbrt(x); }
    @Override double df(double x, double y) { return THIRD / (y * y); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(THIRD), b.call("mul", y, y)); }
}
