package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * {@code log(1 + e^x)}, computed as {@code x + log1p(e^-x)} for {@code x > 0} and {@code
 * log1p(e^x)} below, so that only a non-positive number is exponentiated: softplus(800) is
 * 800 and softplus(-800) is 0.
 *
 * <p>A primitive rather than a composite because its derivative is the {@link Sigmoid}, whose
 * rule keeps every higher derivative accurate: differentiating the branches above forms
 * differences that cancel near 0 at third order (softplus'''(1e-8) would keep 8 digits).
 */
final class Softplus extends UnaryOp {

    Softplus() {
        super("softplus", "log(1 + e^x), computed without overflow.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)); }
    @Override double df(double x, double y) { return Sigmoid.value(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("sigmoid", x); }
}
