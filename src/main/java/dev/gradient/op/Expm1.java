package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * {@code e^x - 1}, accurate for small {@code x}. Its derivative {@code e^x} is computed as
 * {@code exp(x)}, not as {@code y + 1}: for {@code x} below about -20 the sum cancels
 * ({@code expm1(-40) + 1} is 0, not 4.2e-18).
 */
final class Expm1 extends UnaryOp {

    Expm1() {
        super("expm1", "e^x - 1, accurate for small x.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.expm1(x); }
    @Override double df(double x, double y) { return Math.exp(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("exp", x); }
}
