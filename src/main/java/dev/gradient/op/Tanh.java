package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Hyperbolic tangent; derivative {@code 1 - y^2}, from the output, which stays finite for any {@code x}. */
final class Tanh extends UnaryOp {

    Tanh() {
        super("tanh", "Hyperbolic tangent.");
    }

    @Override double f(double x) { return Math.tanh(x); }
    @Override double df(double x, double y) { return 1.0 - y * y; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("sub", b.constant(1.0), b.call("mul", y, y)); }
}
