package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code x * x}; derivative {@code 2x}. */
final class Square extends UnaryOp {

    Square() {
        super("square", "x squared.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return x * x; }
    @Override double df(double x, double y) { return 2.0 * x; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("mul", b.constant(2.0), x); }
}
