package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code x} itself: what an expression that is just a name, such as {@code "x"}, compiles to. */
final class Identity extends UnaryOp {

    Identity() {
        super("identity", "The argument unchanged.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return x; }
    @Override double df(double x, double y) { return 1.0; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.constant(1.0); }
}
