package dev.gradient.symbolic;

import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The internal ops of derivative rules, written with public ops so that a derivative formula
 * can be posted back as a graph. Each form gives the internal op's numbers exactly, but where
 * its Javadoc here says otherwise.
 */
final class PublicForms {

    private final Dag dag;

    PublicForms(Dag dag) {
        this.dag = dag;
    }

    /** The internal op {@code op} applied to {@code args}, of result shape {@code shape}, in public ops. */
    int of(String op, Attrs attrs, int[] args, Shape shape) {
        return switch (op) {
            case "mul_no_nan" -> mulNoNan(args[0], args[1], shape);
            // the same products; it differs from the internal op only where a zero factor meets an infinite or NaN one
            case "matmul_no_nan" -> dag.call("matmul", args);
            case "matmul_transposed" -> dag.call("matmul", args[0], dag.call("transpose", args[1]));
            case "sech" -> dag.call("div", dag.constant(1.0, Shape.SCALAR), dag.call("cosh", args[0]));
            case "mul_log" -> dag.call("mul", args[0], dag.call("log", args[1]));
            // a/hypot(a, b) without the internal op's scaling: equal to rounding, but for subnormal arguments
            case "hypot_ratio" -> dag.call("div", args[0], dag.call("hypot", args[0], args[1]));
            case "stop_gradient" -> args[0];
            case "broadcast_to" -> dag.call("mul", args[0], dag.constant(1.0, shape));
            case "sum_to" -> sumTo(args[0], shape);
            default -> throw Dag.noPublicForm(op);
        };
    }

    /** {@code a*b}, but exactly 0 where either is 0: {@code where(max(a == 0, b == 0), 0, a*b)}, or less where a factor is constant. */
    private int mulNoNan(int a, int b, Shape shape) {
        if (dag.isFilled(a, 0.0) || dag.isFilled(b, 0.0)) {
            return dag.constant(0.0, shape);
        }
        if (nonZeroFinite(a) || nonZeroFinite(b)) {
            // a zero of the other factor gives a zero of either sign, equal to the 0 the internal op gives
            return dag.call("mul", a, b);
        }
        int zero = dag.constant(0.0, Shape.SCALAR);
        int eitherZero = dag.call("maximum", dag.call("eq", a, zero), dag.call("eq", b, zero));
        return dag.call("where", eitherZero, zero, dag.call("mul", a, b));
    }

    private boolean nonZeroFinite(int node) {
        Dag.Entry e = dag.get(node);
        if (!e.isConstant()) {
            return false;
        }
        for (double v : e.constant().values()) {
            if (v == 0.0 || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code x} summed down to {@code target} as broadcasting's transpose: sums over the leading
     * axes that {@code target} lacks and over the axes where it has extent 1, then a reshape.
     * Equal to the internal op to rounding (the sums may add in another order).
     */
    private int sumTo(int x, Shape target) {
        if (target.isScalar()) {
            return dag.call("sum", x);
        }
        Shape from = dag.shape(x);
        int lead = from.rank() - target.rank();
        List<Integer> axes = new ArrayList<>();
        for (int axis = 0; axis < from.rank(); axis++) {
            if (axis < lead || (target.dim(axis - lead) == 1 && from.dim(axis) != 1)) {
                axes.add(axis);
            }
        }
        int y = x;
        // from the last axis down, so that the earlier axes keep their numbers
        for (int k = axes.size() - 1; k >= 0; k--) {
            y = dag.call("sum", Attrs.of("axis", axes.get(k)), y);
        }
        return dag.call("reshape", Attrs.of("shape", dims(target)), y);
    }

    private static List<Integer> dims(Shape shape) {
        List<Integer> dims = new ArrayList<>();
        for (int d : shape.dims()) {
            dims.add(d);
        }
        return dims;
    }
}
