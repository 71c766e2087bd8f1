package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Sine, in radians. */
final class Sin extends UnaryOp {

    Sin() {
        super("sin", "Sine (radians).");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.sin(x); }
    @Override double df(double x, double y) { return Math.cos(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("cos", x); }
}
