package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Inverse tangent. Its derivative {@code 1/(1 + x^2)} is computed as {@code (1/hypot(x, 1))^2}:
 * {@code x^2} overflows past 1e154, where the true derivative is still 1e-308, and in the second
 * derivative {@code -2x/(1 + x^2)^2} it would underflow long before the result does; the
 * derivatives of this form, through {@link Hypot}'s, are products.
 */
final class Atan extends UnaryOp {

    Atan() {
        super("atan", "Inverse tangent (radians).");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.atan(x); }
    @Override double df(double x, double y) { double r = 1.0 / Math.hypot(x, 1.0); return r * r; }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("square", b.call("div", b.constant(1.0), b.call("hypot", x, b.constant(1.0)))); }
}
