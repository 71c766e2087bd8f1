package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Inverse cosine; NaN outside [-1, 1]; derivative {@code -1/sqrt(1 - x^2)}, -Infinity at ±1,
 * with {@code 1 - x^2} computed by {@link OneMinusSquare} so that it keeps its digits near ±1
 * and its own derivatives keep theirs near 0.
 */
final class Acos extends UnaryOp {

    Acos() {
        super("acos", "Inverse cosine (radians).");
    }

    @Override public String derivativeConvention() { return "-1/sqrt(1 - x^2); -Infinity at -1 and 1"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.acos(x); }
    @Override double df(double x, double y) { return -1.0 / Math.sqrt(OneMinusSquare.of(x)); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("div", b.constant(-1.0), b.call("sqrt", OneMinusSquare.of(b, x)));
    }
}
