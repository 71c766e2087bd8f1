package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** Tangent, in radians; derivative {@code 1 + tan(x)^2}, written from the output so it costs no second tan. */
final class Tan extends UnaryOp {

    Tan() {
        super("tan", "Tangent (radians).");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.tan(x); }
    @Override double df(double x, double y) { return 1.0 + y * y; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("add", b.constant(1.0), b.call("mul", y, y)); }
}
