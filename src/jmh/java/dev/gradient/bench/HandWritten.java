package dev.gradient.bench;

import dev.gradient.tensor.Tensor;

/**
 * Gradients written by hand as plain Java loops, one thread: the speed of the machine that the
 * engine's gradients are measured against. Each computes the gradient that the engine computes
 * for the matching function of {@link BenchmarkFunctions}, and {@link #requireClose} lets a
 * benchmark check that before it measures either.
 */
final class HandWritten {

    private HandWritten() {
    }

    /** The gradient of {@link BenchmarkFunctions#rosenbrock} at {@code x}. */
    static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double inner = x[i + 1] - x[i] * x[i];
            g[i] += -400.0 * x[i] * inner - 2.0 * (1.0 - x[i]);
            g[i + 1] += 200.0 * inner;
        }
        return g;
    }

    /**
     * The gradients of {@link BenchmarkFunctions#rosenbrock2d} at the points {@code (xs[i], ys[i])},
     * written to {@code out} as {@code out[2i] = d/dx} and {@code out[2i + 1] = d/dy}.
     */
    static double[] rosenbrock2dGradients(double[] xs, double[] ys, double[] out) {
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double inner = ys[i] - x * x;
            out[2 * i] = -400.0 * x * inner - 2.0 * (1.0 - x);
            out[2 * i + 1] = 200.0 * inner;
        }
        return out;
    }

    /**
     * The loss of {@link BenchmarkFunctions#mlp} and its gradient by {@code W1, b1, W2, b2}, each
     * flattened row-major as the tensors are.
     */
    record MlpGradient(double loss, double[] w1, double[] b1, double[] w2, double[] b2) {
    }

    /**
     * {@link BenchmarkFunctions#mlp}'s loss and gradient at {@code point} ({@code t, X, W1, b1,
     * W2, b2}, as {@link BenchmarkFunctions#mlpPoint} gives them), in straightforward loops: the
     * forward pass keeps the hidden activations and the softmax, the backward pass runs the chain
     * rule through them.
     */
    static MlpGradient mlpGradient(Tensor[] point) {
        double[] t = point[0].values();
        double[] x = point[1].values();
        double[] w1 = point[2].values();
        double[] b1 = point[3].values();
        double[] w2 = point[4].values();
        double[] b2 = point[5].values();
        int batch = point[1].shape().dims()[0];
        int in = point[1].shape().dims()[1];
        int hidden = b1.length;
        int out = b2.length;

        double[] h = new double[batch * hidden];
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < hidden; j++) {
                double a = b1[j];
                for (int k = 0; k < in; k++) {
                    a += x[r * in + k] * w1[j * in + k];
                }
                h[r * hidden + j] = Math.tanh(a);
            }
        }
        // dz = d loss / d logits: (softmax * sum(t) - t) / batch, row by row
        double[] dz = new double[batch * out];
        double loss = 0.0;
        double[] z = new double[out];
        for (int r = 0; r < batch; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < out; c++) {
                double v = b2[c];
                for (int j = 0; j < hidden; j++) {
                    v += h[r * hidden + j] * w2[c * hidden + j];
                }
                z[c] = v;
                max = Math.max(max, v);
            }
            double sumExp = 0.0;
            for (int c = 0; c < out; c++) {
                sumExp += Math.exp(z[c] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            double targets = 0.0;
            for (int c = 0; c < out; c++) {
                loss -= t[r * out + c] * (z[c] - logSumExp);
                targets += t[r * out + c];
            }
            for (int c = 0; c < out; c++) {
                dz[r * out + c] = (Math.exp(z[c] - logSumExp) * targets - t[r * out + c]) / batch;
            }
        }
        loss /= batch;

        double[] gw2 = new double[out * hidden];
        double[] gb2 = new double[out];
        double[] da = new double[batch * hidden];
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < out; c++) {
                double d = dz[r * out + c];
                gb2[c] += d;
                for (int j = 0; j < hidden; j++) {
                    gw2[c * hidden + j] += d * h[r * hidden + j];
                    da[r * hidden + j] += d * w2[c * hidden + j];
                }
            }
        }
        double[] gw1 = new double[hidden * in];
        double[] gb1 = new double[hidden];
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < hidden; j++) {
                double hj = h[r * hidden + j];
                double d = da[r * hidden + j] * (1.0 - hj * hj);
                gb1[j] += d;
                for (int k = 0; k < in; k++) {
                    gw1[j * in + k] += d * x[r * in + k];
                }
            }
        }
        return new MlpGradient(loss, gw1, gb1, gw2, gb2);
    }

    /**
     * Throws unless {@code actual} equals {@code expected} to a relative 1e-9 of the largest
     * magnitude in {@code expected}: a hand-written loop that computed something else would make
     * its benchmark a meaningless bound.
     */
    static void requireClose(String what, double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalStateException(what + ": expected " + expected.length + " numbers but got " + actual.length);
        }
        double scale = 0.0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= 1e-9 * Math.max(scale, 1.0))) {
                throw new IllegalStateException(what + ": element " + i + " is " + actual[i] + " but the engine gives "
                        + expected[i]);
            }
        }
    }
}
