package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The numeric reference: not automatic differentiation but central differences with one level
 * of Richardson extrapolation, for checking the AD engines ({@code POST /check}). It computes
 * JVPs natively; VJPs, Jacobians and gradients come from its JVPs, and Hessians are its
 * differences of the exact reverse-mode gradient. {@code "auto"} never picks it.
 *
 * <p>For a direction {@code v}, with {@code g(s) = f(x + s v)} and the central difference
 * {@code D(t) = (g(t) - g(-t)) / 2t}, the JVP is {@code (4 D(t/2) - D(t)) / 3}: the {@code t^2}
 * terms of the two differences cancel, leaving a truncation error of {@code g'''''(0) t^4 / 480}.
 * Four evaluations of f per direction.
 *
 * <p>The step is {@code t = eps^(1/5) * max(1, |x_e|) / |v_e|}, the smallest over the elements
 * {@code e} the direction moves, so that no element moves by more than its own step
 * {@code eps^(1/5) * max(1, |x_e|)} (for a unit direction, exactly that). {@code eps^(1/5)} is
 * the order of the step that balances the truncation error ({@code ~t^4}) against the
 * round-off of the differences ({@code ~eps |f| / t}): about 7.4e-4, which leaves a
 * truncation of about {@code 6e-16 |g'''''|} and a round-off of about {@code 3 eps |f| / t =
 * 9e-13 |f|} where {@code |x| <= 1} ({@code |f|} standing for the size of the terms f is
 * computed from, which is more than {@code |f|} where they cancel). So about 1e-12 relative where f is smooth and well scaled
 * within a step of x, and meaningless where it is not (kinks, {@code where}, singularities).
 * At a non-finite point or tangent element the result is NaN as a rule.
 */
@Component
public final class NumericEngine implements Engine {

    /** The step relative to {@code max(1, |x|)}: {@code eps^(1/5)}, about 7.4e-4. */
    public static final double RELATIVE_STEP = Math.pow(Math.ulp(1.0), 0.2);

    /** Evaluations of f per direction: at {@code x + t v}, {@code x - t v}, {@code x + t v / 2} and {@code x - t v / 2}. */
    static final int EVALUATIONS = 4;

    @Override
    public String name() {
        return "numeric";
    }

    @Override
    public String description() {
        return "Numeric reference, not AD: central differences with one Richardson extrapolation, (4 D(h/2) - D(h)) / 3,"
                + " with a step per input element of h = eps^(1/5) * max(1, |x|) (about 7.4e-4 * max(1, |x|)); four"
                + " evaluations of the function per JVP direction, VJPs and Jacobians through JVPs, Hessians as"
                + " differences of the exact reverse-mode gradient. Error of each derivative: truncation |f'''''| h^4 / 480"
                + " (about 6e-16 |f'''''| where |x| <= 1) plus round-off about 3 eps |f| / h, |f| the size of the terms f"
                + " is computed from (about 9e-13 |f| where |x| <= 1): about 1e-12 relative where f is smooth and well"
                + " scaled, meaningless at kinks and singularities. For checking the AD engines (POST /check); \"auto\""
                + " never picks it.";
    }

    @Override
    public Set<Product> nativeProducts() {
        return Set.of(Product.JVP);
    }

    @Override
    public long directionsCost(Compiled f, int[] wrt, int[] outputs, long directions) {
        return Cost.multiply(Cost.multiply(directions, EVALUATIONS), f.graph().cost());
    }

    @Override
    public boolean automatic() {
        return false;
    }

    @Override
    public Tensor[][] jvp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] tangents) {
        Tensor[][] result = new Tensor[tangents.length][];
        for (int d = 0; d < tangents.length; d++) {
            result[d] = jvp(at, wrt, outputs, tangents[d]);
        }
        return result;
    }

    private static Tensor[] jvp(Evaluation at, int[] wrt, int[] outputs, Tensor[] tangent) {
        ShapedGraph graph = at.function().graph();
        Tensor[] result = new Tensor[outputs.length];
        if (isZero(tangent)) {
            // no element moves: the derivative in that direction is exactly zero, and costs nothing
            for (int k = 0; k < outputs.length; k++) {
                result[k] = Tensor.zeros(graph.shape(graph.outputs().get(outputs[k])));
            }
            return result;
        }
        double step = step(at.point(), wrt, tangent);
        Evaluation far = shifted(at, wrt, tangent, step);
        Evaluation farBack = shifted(at, wrt, tangent, -step);
        Evaluation near = shifted(at, wrt, tangent, step / 2);
        Evaluation nearBack = shifted(at, wrt, tangent, -step / 2);
        for (int k = 0; k < outputs.length; k++) {
            double[] p = far.output(outputs[k]).values();
            double[] m = farBack.output(outputs[k]).values();
            double[] pn = near.output(outputs[k]).values();
            double[] mn = nearBack.output(outputs[k]).values();
            double[] jvp = new double[p.length];
            for (int i = 0; i < jvp.length; i++) {
                double wide = (p[i] - m[i]) / (2 * step);
                double narrow = (pn[i] - mn[i]) / step;
                jvp[i] = (4 * narrow - wide) / 3;
            }
            result[k] = Tensor.of(graph.shape(graph.outputs().get(outputs[k])), jvp);
        }
        return result;
    }

    /** Whether every element of {@code tangent} is zero ({@code null} is zero). */
    private static boolean isZero(Tensor[] tangent) {
        for (Tensor t : tangent) {
            if (t != null) {
                for (double v : t.values()) {
                    if (v != 0.0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The step along {@code tangent}: {@code RELATIVE_STEP * max(1, |x_e|) / |v_e|}, the smallest
     * over the elements it moves. Not finite, or 0, where an element of the point or the tangent
     * is not finite; the differences are then NaN.
     */
    private static double step(Tensor[] point, int[] wrt, Tensor[] tangent) {
        double step = Double.POSITIVE_INFINITY;
        for (int j = 0; j < wrt.length; j++) {
            if (tangent[j] == null) {
                continue;
            }
            double[] x = point[wrt[j]].values();
            double[] v = tangent[j].values();
            for (int e = 0; e < v.length; e++) {
                if (v[e] != 0.0) {
                    step = Math.min(step, Math.max(1.0, Math.abs(x[e])) / Math.abs(v[e]));
                }
            }
        }
        return RELATIVE_STEP * step;
    }

    /** The function at {@code x + s * tangent}: only the inputs {@code wrt} move. */
    private static Evaluation shifted(Evaluation at, int[] wrt, Tensor[] tangent, double s) {
        Tensor[] point = at.point().clone();
        for (int j = 0; j < wrt.length; j++) {
            if (tangent[j] == null) {
                continue;
            }
            double[] x = point[wrt[j]].values().clone();
            double[] v = tangent[j].values();
            for (int e = 0; e < x.length; e++) {
                x[e] += s * v[e];
            }
            point[wrt[j]] = Tensor.of(point[wrt[j]].shape(), x);
        }
        return new Evaluation(at.function(), point);
    }

    @Override
    public Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        return Jacobians.vjpFromJvp(this, at, wrt, outputs, cotangents);
    }
}
