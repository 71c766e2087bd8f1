package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Internal: the hyperbolic secant {@code 1/cosh(x)}, from which {@link Tanh}'s and {@link
 * Sigmoid}'s derivatives are built. A primitive of its own so that its derivative is {@code
 * -sech(x) tanh(x)}, two factors of at most 1: written as {@code div(1, cosh(x))}, the reverse
 * pass would multiply by the derivative of the reciprocal, {@code -sech^2}, before the large
 * {@code sinh(x)} brings it back, and underflow on the way (sigmoid''(700), 9.9e-305, came out
 * 0).
 */
final class Sech extends UnaryOp {

    Sech() {
        super("sech", "1/cosh(x).");
    }

    @Override public boolean isPublic() { return false; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return 1.0 / Math.cosh(x); }
    @Override double df(double x, double y) { return -(y * Math.tanh(x)); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("neg", b.call("mul", y, b.call("tanh", x))); }
}
