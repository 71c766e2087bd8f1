package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Square root; NaN below 0. Its derivative {@code 1/(2 sqrt(x))} is Infinity at 0, as in
 * PyTorch: a function that must be differentiable there should guard it with {@code where}.
 */
final class Sqrt extends UnaryOp {

    Sqrt() {
        super("sqrt", "Square root.");
    }

    @Override public String derivativeConvention() { return "1/(2 sqrt(x)); sqrt'(0) = Infinity"; }
    @Override public String higherOrderConvention() { return "the derivatives of 1/(2 sqrt(x)): infinite at 0 at every order"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.sqrt(x); }
    @Override double df(double x, double y) { return 0.5 / y; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(0.5), y); }
}
