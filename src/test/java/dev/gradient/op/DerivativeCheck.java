package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Evaluation;
import dev.gradient.engine.AdjointGraphEngine;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Random;

/**
 * Checks a compiled function's derivatives against independent references: forward-mode JVPs
 * against central differences in random directions; reverse-mode VJPs against those JVPs
 * through {@code <t, J^T c> = <J t, c>}; the two engines' Jacobians against each other; and
 * for a scalar output, the Hessians of both engines against each other, against central
 * differences of the gradient, and against their own transpose.
 *
 * <p>Every input is differentiated. The differences use one step {@code h = 1e-6 * max(1,
 * |x|)}, so they are good to about {@code 1e-9} relative; their rounding noise, {@code eps *
 * |f| / h}, is allowed for on top of the relative tolerance.
 */
final class DerivativeCheck {

    private static final double STEP = 1e-6;
    private static final double EPS = Math.ulp(1.0);
    private static final int DIRECTIONS = 3;
    /**
     * Where a derivative is zero analytically, the two engines may leave different rounding
     * residues (such as 1e-17 from a cancellation), which no relative tolerance covers.
     */
    private static final double ROUNDING_FLOOR = 1e-13;

    private final Derivatives derivatives = new Derivatives();
    private final Engine forward = new ForwardEngine();
    private final Engine reverse = new ReverseEngine();
    private final Engine adjointGraph = new AdjointGraphEngine();
    private final Random random;
    private final String label;

    /** A check whose random directions come from {@code random}; {@code label} names the function in failures. */
    DerivativeCheck(Random random, String label) {
        this.random = random;
        this.label = label;
    }

    /** Every first-order check, for all inputs and outputs of {@code f} at {@code point}. */
    void firstOrder(Compiled f, Tensor[] point) {
        jvpsMatchCentralDifferences(f, point);
        vjpsAreTheTransposeOfJvps(f, point);
        enginesAgreeOnTheJacobian(f, point);
    }

    /** Forward-engine JVPs in random directions against {@code (f(x + h t) - f(x - h t)) / 2h}. */
    void jvpsMatchCentralDifferences(Compiled f, Tensor[] point) {
        int[] wrt = allInputs(f);
        double h = step(point);
        for (int d = 0; d < DIRECTIONS; d++) {
            Tensor[] t = randomLike(point);
            Tensor[] jvp = forward.jvp(new Evaluation(f, point), wrt, allOutputs(f), new Tensor[][] {t})[0];
            Tensor[] plus = derivatives.evaluate(f, shifted(point, t, h));
            Tensor[] minus = derivatives.evaluate(f, shifted(point, t, -h));
            for (int k = 0; k < jvp.length; k++) {
                double[] fd = new double[jvp[k].size()];
                for (int i = 0; i < fd.length; i++) {
                    fd[i] = (plus[k].get(i) - minus[k].get(i)) / (2 * h);
                }
                double noise = 50 * EPS * Math.max(maxAbs(plus[k].values()), maxAbs(minus[k].values())) / h;
                assertClose(jvp[k].values(), fd, 1e-6, noise, "JVP of output " + k + " vs central differences");
            }
        }
    }

    /** Reverse-engine VJPs against forward-engine JVPs, through {@code <t, J^T c> = <J t, c>}. */
    void vjpsAreTheTransposeOfJvps(Compiled f, Tensor[] point) {
        int[] wrt = allInputs(f);
        int[] outputs = allOutputs(f);
        Tensor[] outputValues = derivatives.evaluate(f, point);
        for (int d = 0; d < DIRECTIONS; d++) {
            Tensor[] t = randomLike(point);
            Tensor[] c = randomLike(outputValues);
            Tensor[] jvp = forward.jvp(new Evaluation(f, point), wrt, outputs, new Tensor[][] {t})[0];
            Tensor[] vjp = reverse.vjp(new Evaluation(f, point), wrt, outputs, new Tensor[][] {c})[0];
            double[] left = dot(t, vjp);
            double[] right = dot(jvp, c);
            assertThat(Math.abs(left[0] - right[0]))
                    .as("%s: <t, J^T c> = %s (reverse) but <J t, c> = %s (forward)", label, left[0], right[0])
                    .isLessThanOrEqualTo(1e-11 * (left[1] + right[1]));
        }
    }

    /**
     * The full Jacobians of the forward and the reverse engine agree to rounding, and so does
     * reverse mode by the adjoint graph (the ops' graph VJP rules at first order), which the
     * reverse engine's tape otherwise bypasses.
     */
    void enginesAgreeOnTheJacobian(Compiled f, Tensor[] point) {
        int[] wrt = allInputs(f);
        Tensor[][] byForward = derivatives.jacobian(forward, f, point, wrt);
        Tensor[][] byReverse = derivatives.jacobian(reverse, f, point, wrt);
        Tensor[][] byAdjointGraph = derivatives.jacobian(adjointGraph, f, point, wrt);
        for (int k = 0; k < byForward.length; k++) {
            for (int j = 0; j < wrt.length; j++) {
                assertThat(byReverse[k][j].shape()).isEqualTo(byForward[k][j].shape());
                assertClose(byReverse[k][j].values(), byForward[k][j].values(), 1e-12, ROUNDING_FLOOR,
                        "Jacobian block [" + k + "][" + j + "], reverse vs forward");
                assertClose(byAdjointGraph[k][j].values(), byForward[k][j].values(), 1e-12, ROUNDING_FLOOR,
                        "Jacobian block [" + k + "][" + j + "], reverse by the adjoint graph vs forward");
            }
        }
    }

    /**
     * The Hessian of scalar output {@code output}, by forward over reverse and by reverse over
     * reverse: they agree with each other, are symmetric, and match central differences of the
     * gradient in random directions.
     */
    void secondOrder(Compiled f, Tensor[] point, int output) {
        int[] wrt = allInputs(f);
        double[][] byForward = flatten(derivatives.hessian(forward, f, point, wrt, output).hessian(), point);
        double[][] byReverse = flatten(derivatives.hessian(reverse, f, point, wrt, output).hessian(), point);
        int n = byForward.length;
        for (int r = 0; r < n; r++) {
            assertClose(byReverse[r], byForward[r], 1e-10, ROUNDING_FLOOR,
                    "Hessian row " + r + ", reverse over reverse vs forward over reverse");
            double[] column = new double[n];
            for (int c = 0; c < n; c++) {
                column[c] = byForward[c][r];
            }
            assertClose(column, byForward[r], 1e-10, ROUNDING_FLOOR, "Hessian row " + r + " vs column " + r + " (symmetry)");
        }
        double h = step(point);
        for (int d = 0; d < DIRECTIONS; d++) {
            Tensor[] t = randomLike(point);
            double[] direction = concat(t);
            double[] plus = concat(derivatives.gradient(reverse, f, shifted(point, t, h), wrt, output).gradient());
            double[] minus = concat(derivatives.gradient(reverse, f, shifted(point, t, -h), wrt, output).gradient());
            double[] fd = new double[n];
            double[] ht = new double[n];
            for (int r = 0; r < n; r++) {
                fd[r] = (plus[r] - minus[r]) / (2 * h);
                for (int c = 0; c < n; c++) {
                    ht[r] += byForward[r][c] * direction[c];
                }
            }
            double noise = 50 * EPS * Math.max(maxAbs(plus), maxAbs(minus)) / h;
            assertClose(ht, fd, 1e-5, noise, "Hessian times a direction vs central differences of the gradient");
        }
    }

    /** Both engines' Jacobians, and the Hessian of {@code output}, are exactly zero. */
    void zeroDerivative(Compiled f, Tensor[] point, int output) {
        int[] wrt = allInputs(f);
        for (Engine engine : new Engine[] {forward, reverse}) {
            for (Tensor[] row : derivatives.jacobian(engine, f, point, wrt)) {
                for (Tensor block : row) {
                    assertThat(maxAbs(block.values())).as("%s: Jacobian by %s", label, engine.name()).isZero();
                }
            }
            for (Tensor[] row : derivatives.hessian(engine, f, point, wrt, output).hessian()) {
                for (Tensor block : row) {
                    assertThat(maxAbs(block.values())).as("%s: Hessian by %s", label, engine.name()).isZero();
                }
            }
        }
    }

    /** Every element within {@code rtol * max|expected| + atol} of the expected one. */
    private void assertClose(double[] actual, double[] expected, double rtol, double atol, String what) {
        double tolerance = rtol * Math.max(maxAbs(expected), maxAbs(actual)) + atol;
        for (int i = 0; i < actual.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            assertThat(error)
                    .as("%s: %s, element %d: got %s, expected %s (tolerance %s)", label, what, i, actual[i], expected[i], tolerance)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    private static double step(Tensor[] point) {
        double scale = 1.0;
        for (Tensor x : point) {
            scale = Math.max(scale, maxAbs(x.values()));
        }
        return STEP * scale;
    }

    private Tensor[] randomLike(Tensor[] like) {
        Tensor[] out = new Tensor[like.length];
        for (int i = 0; i < out.length; i++) {
            double[] v = new double[like[i].size()];
            for (int e = 0; e < v.length; e++) {
                v[e] = 2 * random.nextDouble() - 1;
            }
            out[i] = Tensor.of(like[i].shape(), v);
        }
        return out;
    }

    private static Tensor[] shifted(Tensor[] point, Tensor[] t, double h) {
        Tensor[] out = new Tensor[point.length];
        for (int i = 0; i < out.length; i++) {
            double[] v = point[i].values().clone();
            for (int e = 0; e < v.length; e++) {
                v[e] += h * t[i].get(e);
            }
            out[i] = Tensor.of(point[i].shape(), v);
        }
        return out;
    }

    /** The sum of the elementwise products of {@code a} and {@code b}, and the sum of their absolute values. */
    private static double[] dot(Tensor[] a, Tensor[] b) {
        double sum = 0.0;
        double magnitude = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int e = 0; e < a[i].size(); e++) {
                sum += a[i].get(e) * b[i].get(e);
                magnitude += Math.abs(a[i].get(e) * b[i].get(e));
            }
        }
        return new double[] {sum, magnitude};
    }

    /** The Hessian blocks {@code [i][j]} (shape in_i + in_j) as one square matrix over all input elements. */
    private static double[][] flatten(Tensor[][] blocks, Tensor[] point) {
        int[] offset = new int[point.length + 1];
        for (int i = 0; i < point.length; i++) {
            offset[i + 1] = offset[i] + point[i].size();
        }
        double[][] m = new double[offset[point.length]][offset[point.length]];
        for (int i = 0; i < point.length; i++) {
            for (int j = 0; j < point.length; j++) {
                Shape expected = point[i].shape().concat(point[j].shape());
                assertThat(blocks[i][j].shape()).isEqualTo(expected);
                for (int r = 0; r < point[i].size(); r++) {
                    for (int c = 0; c < point[j].size(); c++) {
                        m[offset[i] + r][offset[j] + c] = blocks[i][j].get(r * point[j].size() + c);
                    }
                }
            }
        }
        return m;
    }

    private static double[] concat(Tensor[] tensors) {
        int n = 0;
        for (Tensor t : tensors) {
            n += t.size();
        }
        double[] out = new double[n];
        int k = 0;
        for (Tensor t : tensors) {
            System.arraycopy(t.values(), 0, out, k, t.size());
            k += t.size();
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static int[] allInputs(Compiled f) {
        return range(f.graph().inputs().size());
    }

    private static int[] allOutputs(Compiled f) {
        return range(f.graph().outputs().size());
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
