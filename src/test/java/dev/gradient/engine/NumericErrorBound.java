package dev.gradient.engine;

import dev.gradient.tensor.Tensor;

/**
 * The numeric engine's documented error, evaluated for one function and point from exact
 * derivatives: for a JVP in direction {@code v} with step {@code t} (the documented
 * {@code eps^(1/5) * min_e max(1, |x_e|) / |v_e|}), each output element's error is at most
 * about
 *
 * <pre>
 *   |g'''''| t^4 / 480  +  3 (eps |f| + u sum_e |df/dx_e| |x_e|) / t
 * </pre>
 *
 * <p>where {@code g(s) = f(x + s v)}: the truncation of one Richardson step, and the round-off
 * of four evaluations (about {@code eps |f|} each, {@code |f|} the largest of them) and of the
 * moved point itself ({@code u = eps / 2} per element), weighted {@code (4 * 2 + 1) / 3} by
 * the extrapolation. {@code g'''''} is estimated as the fourth central difference, at spacing
 * {@code t / 2}, of the exact derivative {@code g'} (forward mode) over the same points the
 * numeric engine evaluates.
 */
public final class NumericErrorBound {

    private static final double EPS = Math.ulp(1.0);
    private static final Engine EXACT = new ForwardEngine();

    private NumericErrorBound() {
    }

    /** The bound for each element of each output's JVP of {@code f} at {@code point} in the direction {@code tangent}. */
    public static Tensor[] jvp(Compiled f, Tensor[] point, int[] wrt, Tensor[] tangent) {
        int[] outputs = allOutputs(f);
        double t = step(point, wrt, tangent);
        Tensor[][] gPrime = new Tensor[5][];
        Tensor[][] values = new Tensor[5][];
        for (int s = -2; s <= 2; s++) {
            Evaluation at = new Evaluation(f, shifted(point, wrt, tangent, s * t / 2));
            gPrime[s + 2] = EXACT.jvp(at, wrt, outputs, new Tensor[][] {tangent})[0];
            values[s + 2] = at.outputs();
        }
        Tensor[][] jacobian = Jacobians.jacobian(EXACT, new Evaluation(f, point), wrt, outputs);
        Tensor[] bound = new Tensor[outputs.length];
        double spacing4 = Math.pow(t / 2, 4);
        for (int k = 0; k < outputs.length; k++) {
            double[] b = new double[gPrime[2][k].size()];
            for (int i = 0; i < b.length; i++) {
                double fifth = (gPrime[4][k].get(i) - 4 * gPrime[3][k].get(i) + 6 * gPrime[2][k].get(i)
                        - 4 * gPrime[1][k].get(i) + gPrime[0][k].get(i)) / spacing4;
                double magnitude = 0.0;
                for (int s : new int[] {0, 1, 3, 4}) {
                    magnitude = Math.max(magnitude, Math.abs(values[s][k].get(i)));
                }
                double pointRounding = pointRounding(jacobian[k], point, wrt, tangent, i, t);
                b[i] = Math.abs(fifth) * Math.pow(t, 4) / 480 + 3 * (EPS * magnitude + pointRounding) / t;
            }
            bound[k] = Tensor.of(gPrime[2][k].shape(), b);
        }
        return bound;
    }

    /** The bound for each entry of the numeric Jacobian of every output by {@code wrt}, laid out as the Jacobian. */
    public static Tensor[][] jacobian(Compiled f, Tensor[] point, int[] wrt) {
        int[] outputs = allOutputs(f);
        Tensor[][] like = Jacobians.jacobian(EXACT, new Evaluation(f, point), wrt, outputs);
        double[][][] bounds = new double[outputs.length][wrt.length][];
        for (int k = 0; k < outputs.length; k++) {
            for (int j = 0; j < wrt.length; j++) {
                bounds[k][j] = new double[like[k][j].size()];
            }
        }
        for (int j = 0; j < wrt.length; j++) {
            int inSize = point[wrt[j]].size();
            for (int e = 0; e < inSize; e++) {
                Tensor[] unit = new Tensor[wrt.length];
                unit[j] = Tensor.unit(point[wrt[j]].shape(), e);
                Tensor[] column = jvp(f, point, wrt, unit);
                for (int k = 0; k < outputs.length; k++) {
                    for (int r = 0; r < column[k].size(); r++) {
                        bounds[k][j][r * inSize + e] = column[k].get(r);
                    }
                }
            }
        }
        Tensor[][] out = new Tensor[outputs.length][wrt.length];
        for (int k = 0; k < outputs.length; k++) {
            for (int j = 0; j < wrt.length; j++) {
                out[k][j] = Tensor.of(like[k][j].shape(), bounds[k][j]);
            }
        }
        return out;
    }

    /** The bound for each entry of the numeric Hessian of scalar output {@code output}: differences of the exact gradient. */
    public static Tensor[][] hessian(Compiled f, Tensor[] point, int[] wrt, int output) {
        Tensor[] extended = new Tensor[point.length + 1];
        System.arraycopy(point, 0, extended, 0, point.length);
        extended[point.length] = Tensor.scalar(1.0);
        return jacobian(ReversePasses.of(f).gradientProgram(wrt, output), extended, wrt);
    }

    /** The documented step along {@code tangent}. */
    private static double step(Tensor[] point, int[] wrt, Tensor[] tangent) {
        double scale = Double.POSITIVE_INFINITY;
        for (int j = 0; j < wrt.length; j++) {
            for (int e = 0; tangent[j] != null && e < tangent[j].size(); e++) {
                double v = tangent[j].get(e);
                if (v != 0.0) {
                    scale = Math.min(scale, Math.max(1.0, Math.abs(point[wrt[j]].get(e))) / Math.abs(v));
                }
            }
        }
        return NumericEngine.RELATIVE_STEP * scale;
    }

    /** {@code u sum_e |J[i, e]| |x_e + t v_e|} over the moved elements: the error of rounding the moved point. */
    private static double pointRounding(Tensor[] jacobianRow, Tensor[] point, int[] wrt, Tensor[] tangent, int i, double t) {
        double sum = 0.0;
        for (int j = 0; j < wrt.length; j++) {
            int inSize = point[wrt[j]].size();
            for (int e = 0; tangent[j] != null && e < inSize; e++) {
                double v = tangent[j].get(e);
                if (v != 0.0) {
                    sum += Math.abs(jacobianRow[j].get(i * inSize + e)) * (Math.abs(point[wrt[j]].get(e)) + t * Math.abs(v));
                }
            }
        }
        return EPS / 2 * sum;
    }

    private static Tensor[] shifted(Tensor[] point, int[] wrt, Tensor[] tangent, double s) {
        Tensor[] out = point.clone();
        for (int j = 0; j < wrt.length; j++) {
            if (tangent[j] != null) {
                double[] x = out[wrt[j]].values().clone();
                for (int e = 0; e < x.length; e++) {
                    x[e] += s * tangent[j].get(e);
                }
                out[wrt[j]] = Tensor.of(out[wrt[j]].shape(), x);
            }
        }
        return out;
    }

    private static int[] allOutputs(Compiled f) {
        int[] outputs = new int[f.graph().outputs().size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = k;
        }
        return outputs;
    }
}
