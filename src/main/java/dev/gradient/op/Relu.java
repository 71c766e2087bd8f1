package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code max(x, 0)}. Its derivative is 1 where {@code x > 0}, else 0, so {@code relu'(0) = 0}, as in PyTorch. */
final class Relu extends UnaryOp {

    Relu() {
        super("relu", "Rectified linear unit, max(x, 0).");
    }

    @Override public String derivativeConvention() { return "1 where x > 0, else 0; relu'(0) = 0"; }
    @Override public String higherOrderConvention() { return "every derivative of order 2 and up is 0, at 0 too (the first derivative is piecewise constant)"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return x > 0.0 ? x : x == x ? 0.0 : x; }
    @Override double df(double x, double y) { return x > 0.0 ? 1.0 : 0.0; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("gt", x, b.constant(0.0)); }
}
