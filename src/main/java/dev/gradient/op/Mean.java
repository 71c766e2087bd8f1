package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/** The mean of all elements, or along {@code axis}: the sum divided by the count. The mean of nothing is NaN, as in NumPy. */
final class Mean implements Composite {

    @Override public String name() { return "mean"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to average over; all elements when absent")); }
    @Override public String syntax() { return "mean(x) or mean(x, axis=0)"; }
    @Override public String summary() { return "Mean of all elements, or along an axis."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        Shape shape = b.shape(args[0]);
        int axis = Axis.of(name(), attrs, shape.rank());
        double count = axis < 0 ? shape.size() : shape.dim(axis);
        return b.call("div", b.call("sum", attrs, args[0]), b.constant(count));
    }
}
