package dev.gradient.engine;

import dev.gradient.tensor.Tensor;
import java.util.Arrays;

/**
 * Derivatives of a function with scalar inputs and a scalar first output, to third order, by
 * composing the engines the way the service does: the gradient as a reverse-mode graph, the
 * Hessian as the reverse-mode graph of each of its outputs (reverse over reverse), and the
 * third derivatives as an engine's Jacobian of those Hessian rows. With the forward engine
 * that is forward over reverse over reverse; with the reverse engine, reverse three times.
 *
 * <p>For tests: every input is differentiated, and each input must be a scalar, so that
 * {@code third[i][j][k]} is simply {@code d^3 f / dx_i dx_j dx_k}.
 */
public final class HigherOrder {

    private final Engine engine;

    /** Derivatives whose outermost order is taken by {@code engine}. */
    public HigherOrder(Engine engine) {
        this.engine = engine;
    }

    /** The value of output 0 at {@code point}. */
    public double value(Compiled f, double... point) {
        return new Evaluation(f, scalars(point)).output(0).get(0);
    }

    /** The gradient of output 0, by the engine's own product (its Jacobian row). */
    public double[] gradient(Compiled f, double... point) {
        Tensor[][] jacobian = Jacobians.jacobian(engine, new Evaluation(f, scalars(point)), all(point.length), new int[] {0});
        return column(jacobian, 0, point.length);
    }

    /** The Hessian of output 0: the engine's Jacobian of the reverse-mode gradient graph. */
    public double[][] hessian(Compiled f, double... point) {
        int n = point.length;
        Compiled gradient = ReversePasses.of(f).gradientProgram(all(n), 0);
        Tensor[][] jacobian = Jacobians.jacobian(engine, new Evaluation(gradient, withCotangents(point, 1)), all(n), all(n));
        double[][] hessian = new double[n][];
        for (int i = 0; i < n; i++) {
            hessian[i] = column(jacobian, i, n);
        }
        return hessian;
    }

    /** The third derivatives of output 0: the engine's Jacobian of each reverse-over-reverse Hessian row. */
    public double[][][] third(Compiled f, double... point) {
        int n = point.length;
        Compiled gradient = ReversePasses.of(f).gradientProgram(all(n), 0);
        double[][][] third = new double[n][n][];
        for (int i = 0; i < n; i++) {
            Compiled hessianRow = ReversePasses.of(gradient).gradientProgram(all(n), i);
            Tensor[][] jacobian = Jacobians.jacobian(engine, new Evaluation(hessianRow, withCotangents(point, 2)),
                    all(n), all(n));
            for (int j = 0; j < n; j++) {
                third[i][j] = column(jacobian, j, n);
            }
        }
        return third;
    }

    private static double[] column(Tensor[][] jacobian, int output, int n) {
        double[] row = new double[n];
        for (int j = 0; j < n; j++) {
            row[j] = jacobian[output][j].get(0);
        }
        return row;
    }

    /** The point followed by {@code count} unit cotangents: the inputs of a derivative program. */
    private static Tensor[] withCotangents(double[] point, int count) {
        double[] extended = Arrays.copyOf(point, point.length + count);
        Arrays.fill(extended, point.length, extended.length, 1.0);
        return scalars(extended);
    }

    private static Tensor[] scalars(double[] values) {
        Tensor[] tensors = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            tensors[i] = Tensor.scalar(values[i]);
        }
        return tensors;
    }

    private static int[] all(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
