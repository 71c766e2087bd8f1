package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Hyperbolic cosine; derivative {@code sinh(x)}. */
final class Cosh extends UnaryOp {

    Cosh() {
        super("cosh", "Hyperbolic cosine.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.cosh(x); }
    @Override double df(double x, double y) { return Math.sinh(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("sinh", x); }
}
