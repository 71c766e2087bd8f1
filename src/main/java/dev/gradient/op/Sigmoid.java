package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * The logistic function {@code 1/(1 + e^-x)}, computed as {@code 1/(1 + e^-x)} for {@code x >=
 * 0} and {@code e^x/(1 + e^x)} below, so that only a non-positive number is exponentiated:
 * nothing overflows (at ±800 the values are 1 and 0) and both tails keep their relative
 * accuracy (sigmoid(-40) is 4.2e-18, not 0).
 *
 * <p>A primitive rather than a composite because its derivatives need a formula of their own.
 * The derivative {@code sigmoid(x)(1 - sigmoid(x))} is written {@code sech(x/2)^2 / 4} (the
 * same function, through {@link Tanh#sechSquared}): differentiating the branches above, or
 * {@code y(1 - y)}, forms {@code 1 - 2y}, which cancels near 0 (sigmoid''(1e-8) would keep 8
 * digits, sigmoid''(1e-150) none), while every derivative of {@code sech(x/2)^2} is a product
 * with a factor {@code tanh(x/2)}, exact near 0, and underflows only with the true value.
 */
final class Sigmoid extends UnaryOp {

    Sigmoid() {
        super("sigmoid", "The logistic function 1/(1 + e^-x).");
    }

    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return value(x); }
    @Override double df(double x, double y) { return 0.25 * Tanh.sechSquared(0.5 * x); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        return b.call("mul", b.constant(0.25), Tanh.sechSquared(b, b.call("mul", b.constant(0.5), x)));
    }

    /** The logistic function at {@code x}, exponentiating only a non-positive number. */
    static double value(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
