package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * The Euclidean (L2) norm of all elements, or along {@code axis}, scaled by the largest
 * magnitude {@code m} as {@code hypot} is, since {@code sum(square(x))} overflows past 1e154 and
 * underflows below 1e-154 in size: {@code m sqrt(1 + r)} with {@code r} the sum of {@code
 * (x/m)^2} over the other elements where the largest is unique, {@code m sqrt(sum((x/m)^2))}
 * where it is tied.
 *
 * <p>{@code m} is {@code max(abs(x))} itself, differentiable, not a constant: the norm does not
 * depend on it, but with a unique largest element {@code x_M} the form above does not contain
 * {@code x_M/m} at all, so the Hessian's {@code (norm^2 - x_M^2)/norm^3} comes from {@code r} as
 * a product. The plain form gives it as {@code 1/norm - x_M^2/norm^3}, which is 0 where
 * {@code x_M} dominates (at (1, 1e-8) the exact 1e-16 is lost). Ties cannot dominate, and
 * {@code max} splits its derivative equally among them, which any differentiable scale may do.
 * Where {@code m} is subnormal, {@code x} is first scaled up by an exact power of two, since the
 * partial of {@code x/m} by {@code x}, {@code 1/m}, would overflow.
 *
 * <p>What this composite cannot do: its derivatives pass through the dimensionless {@code x/m},
 * whose k-th derivatives are of size {@code 1/m^k}. In forward mode the gradient component of an
 * element more than 1e300 times smaller than the largest, or of any element where {@code m} is
 * subnormal, underflows or overflows on the way (scaling does not help: the tangent of {@code
 * x/m} is {@code 1/m} whatever the scale); at second and third order the same happens in both
 * modes where {@code m} is below about 1e-100. {@code hypot}, a primitive, has no such limit.
 *
 * <p>At the zero vector (and where {@code m} is infinite) it is {@code where(s > 0, sqrt(s),
 * 0)} with {@code s = sum(square(x))}: the NaN-safe {@code where} makes the gradient 0 there, as
 * PyTorch's, instead of 0 times the infinite {@code sqrt'(0)}.
 */
final class Norm implements Composite {

    private static final double SUBNORMAL_SCALE = 0x1p600;

    @Override public String name() { return "norm"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to take the norm along; all elements when absent")); }
    @Override public String syntax() { return "norm(x) or norm(x, axis=0)"; }
    @Override public String summary() { return "Euclidean (L2) norm of all elements, or along an axis."; }
    @Override public String derivativeConvention() { return "x/norm(x); the gradient at the zero vector is 0 (as PyTorch)"; }
    @Override public String higherOrderConvention() { return "the derivatives of x/norm(x); at the zero vector every derivative is 0"; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        int x = args[0];
        Shape shape = b.shape(x);
        int axis = Axis.of(name(), attrs, shape.rank());
        int zero = b.constant(0.0);
        int s = b.call("sum", attrs, b.call("square", x));
        int plain = b.call("where", b.call("gt", s, zero), b.call("sqrt", s), zero);
        if ((axis < 0 ? shape.size() : shape.dim(axis)) == 0) {
            return plain;  // the norm of nothing is 0, and there is no largest element to scale by
        }
        Shape kept = Axis.keepDims(shape, axis);
        int subnormal = b.call("lt", b.call("max", attrs, b.call("abs", x)), b.constant(Double.MIN_NORMAL));
        int scale = b.call("where", subnormal, b.constant(SUBNORMAL_SCALE), b.constant(1.0));
        int scaled = b.call("mul", x, b.reshape(scale, kept));
        int magnitude = b.call("abs", scaled);
        int largest = b.call("max", attrs, magnitude);
        int isLargest = b.call("eq", magnitude, b.reshape(largest, kept));
        int squares = b.call("square", b.call("div", scaled, b.reshape(largest, kept)));
        int others = b.call("sum", attrs, b.call("where", isLargest, zero, squares));
        int unique = b.call("mul", largest, b.call("sqrt", b.call("add", b.constant(1.0), others)));
        int tied = b.call("mul", largest, b.call("sqrt", b.call("sum", attrs, squares)));
        int isUnique = b.call("eq", b.call("sum", attrs, isLargest), b.constant(1.0));
        int stable = b.call("div", b.call("where", isUnique, unique, tied), scale);
        int usable = b.call("mul", b.call("gt", largest, zero), b.call("lt", largest, b.constant(Double.POSITIVE_INFINITY)));
        return b.call("where", usable, stable, plain);
    }
}
