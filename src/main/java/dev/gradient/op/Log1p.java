package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code log(1 + x)}, accurate for small {@code x}; derivative {@code 1/(1 + x)}, Infinity at -1. */
final class Log1p extends UnaryOp {

    Log1p() {
        super("log1p", "Natural logarithm of 1 + x, accurate for small x.");
    }

    @Override public String derivativeConvention() { return "1/(1 + x); at -1 the derivative is Infinity"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.log1p(x); }
    @Override double df(double x, double y) { return 1.0 / (1.0 + x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(1.0), b.call("add", b.constant(1.0), x)); }
}
