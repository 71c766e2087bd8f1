package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code e^x}; its derivative is itself. */
final class Exp extends UnaryOp {

    Exp() {
        super("exp", "Exponential.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.exp(x); }
    @Override double df(double x, double y) { return y; }
    @Override int derivative(GraphBuilder b, int x, int y) { return y; }
}
