package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code e^x - 1}, accurate for small {@code x}; its derivative {@code e^x} is written {@code y + 1}. */
final class Expm1 extends UnaryOp {

    Expm1() {
        super("expm1", "e^x - 1, accurate for small x.");
    }

    @Override double f(double x) { return Math.expm1(x); }
    @Override double df(double x, double y) { return y + 1.0; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("add", y, b.constant(1.0)); }
}
