package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Hyperbolic tangent. Its derivative {@code 1 - tanh(x)^2} is computed as {@code sech(x)^2 =
 * (1/cosh(x))^2}: the difference {@code 1 - y^2} is 0 for {@code |x|} above about 19, where
 * {@code y} rounds to ±1 (the true derivative at 40 is 7.2e-35), and loses digits well before.
 * The secant ({@link Sech}) is squared rather than {@code cosh}, so nothing overflows before the
 * result itself underflows; every higher derivative of this form is a product of secants and
 * tangents (no cancellation).
 */
final class Tanh extends UnaryOp {

    Tanh() {
        super("tanh", "Hyperbolic tangent.");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return Math.tanh(x); }
    @Override double df(double x, double y) { return sechSquared(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return sechSquared(b, x); }

    /** {@code sech(x)^2}, the derivative of tanh at {@code x}. */
    static double sechSquared(double x) {
        double sech = 1.0 / Math.cosh(x);
        return sech * sech;
    }

    /** {@code sech(x)^2} as nodes of {@code b}, by the same formula as {@link #sechSquared(double)}. */
    static int sechSquared(GraphBuilder b, int x) {
        return b.call("square", b.call("sech", x));
    }
}
