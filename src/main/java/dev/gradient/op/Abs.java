package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Absolute value. Its derivative is {@code sign(x)}, so {@code abs'(0) = 0}, as in PyTorch. */
final class Abs extends UnaryOp {

    Abs() {
        super("abs", "Absolute value.");
    }

    @Override public String derivativeConvention() { return "sign(x); abs'(0) = 0"; }
    @Override public String higherOrderConvention() { return "every derivative of order 2 and up is 0, at 0 too (the first derivative sign(x) is piecewise constant)"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.abs(x); }
    @Override double df(double x, double y) { return Math.signum(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("sign", x); }
}
