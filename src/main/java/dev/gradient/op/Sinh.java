package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Hyperbolic sine; derivative {@code cosh(x)}. */
final class Sinh extends UnaryOp {

    Sinh() {
        super("sinh", "Hyperbolic sine.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.sinh(x); }
    @Override double df(double x, double y) { return Math.cosh(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("cosh", x); }
}
