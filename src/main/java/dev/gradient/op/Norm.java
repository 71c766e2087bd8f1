package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import java.util.List;

/**
 * The Euclidean (L2) norm of all elements, or along {@code axis}: {@code where(s > 0, sqrt(s),
 * 0)} with {@code s = sum(square(x))}. The NaN-safe {@code where} makes the gradient 0 at the
 * zero vector, as PyTorch's, instead of 0 times the infinite {@code sqrt'(0)}. Elements beyond
 * about 1e154 in size overflow {@code s}, as in the plain formula.
 */
final class Norm implements Composite {

    @Override public String name() { return "norm"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to take the norm along; all elements when absent")); }
    @Override public String syntax() { return "norm(x) or norm(x, axis=0)"; }
    @Override public String summary() { return "Euclidean (L2) norm of all elements, or along an axis."; }
    @Override public String derivativeConvention() { return "x/norm(x); the gradient at the zero vector is 0 (as PyTorch)"; }
    @Override public String higherOrderConvention() { return "the derivatives of x/norm(x); at the zero vector every derivative is 0"; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        Axis.of(name(), attrs, b.shape(args[0]).rank());
        int s = b.call("sum", attrs, b.call("square", args[0]));
        return b.call("where", b.call("gt", s, b.constant(0.0)), b.call("sqrt", s), b.constant(0.0));
    }
}
