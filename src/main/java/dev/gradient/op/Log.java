package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Natural logarithm; NaN below 0 and -Infinity at 0, as IEEE-754 says; derivative {@code 1/x}. */
final class Log extends UnaryOp {

    Log() {
        super("log", "Natural logarithm.");
    }

    @Override public String derivativeConvention() { return "1/x; at 0 the derivative is Infinity"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.log(x); }
    @Override double df(double x, double y) { return 1.0 / x; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(1.0), x); }
}
