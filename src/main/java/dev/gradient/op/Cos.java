package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Cosine, in radians. */
final class Cos extends UnaryOp {

    Cos() {
        super("cos", "Cosine (radians).");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.cos(x); }
    @Override double df(double x, double y) { return -Math.sin(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("neg", b.call("sin", x)); }
}
