package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Inverse tangent; derivative {@code 1/(1 + x^2)}. */
final class Atan extends UnaryOp {

    Atan() {
        super("atan", "Inverse tangent (radians).");
    }

    @Override double f(double x) { return Math.atan(x); }
    @Override double df(double x, double y) { return 1.0 / (1.0 + x * x); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("div", b.constant(1.0), b.call("add", b.constant(1.0), b.call("mul", x, x)));
    }
}
