package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * The product of all elements, or along {@code axis}; the product of nothing is 1.
 *
 * <p>A composite: a tree of elementwise products of the even and odd positions, halving the
 * axis each round (an odd length is padded with a 1). Its derivatives are therefore products of
 * the other elements, exact where elements are zero and to every order, unlike the
 * {@code prod / x} shortcut, which divides by zero there.
 */
final class Prod implements Composite {

    @Override public String name() { return "prod"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to multiply along; all elements when absent")); }
    @Override public String syntax() { return "prod(x) or prod(x, axis=0)"; }
    @Override public String summary() { return "Product of all elements, or along an axis."; }
    @Override public String derivativeConvention() { return "smooth; exact where elements are zero (no division)"; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        Shape shape = b.shape(args[0]);
        int axis = Axis.of(name(), attrs, shape.rank());
        int x = args[0];
        Shape reduced = axis < 0 ? Shape.SCALAR : shape.without(axis);
        if (axis < 0) {
            x = b.reshape(x, Shape.of(Math.toIntExact(shape.size())));
            axis = 0;
        }
        int length = b.shape(x).dim(axis);
        if (length == 0) {
            return b.broadcastTo(b.constant(1.0), reduced);
        }
        while (length > 1) {
            if (length % 2 == 1) {
                int ones = b.broadcastTo(b.constant(1.0), b.shape(x).with(axis, 1));
                x = b.call("concat", Attrs.of("axis", axis), x, ones);
            }
            int even = b.call("slice", Attrs.of("spec", SliceSpec.strided(axis, 0, 2)), x);
            int odd = b.call("slice", Attrs.of("spec", SliceSpec.strided(axis, 1, 2)), x);
            x = b.call("mul", even, odd);
            length = b.shape(x).dim(axis);
        }
        return b.reshape(x, reduced);
    }
}
