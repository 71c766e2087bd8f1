package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/** Sum over all elements, or over {@code axis}. Linear: its derivative is broadcasting. */
final class Sum implements Primitive {

    @Override public String name() { return "sum"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to sum over; all elements when absent")); }
    @Override public String syntax() { return "sum(x) or sum(x, axis=0)"; }
    @Override public String summary() { return "Sum of all elements, or along an axis."; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        int axis = Axis.of(name(), attrs, args[0].rank());
        return axis < 0 ? Shape.SCALAR : args[0].without(axis);
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        Tensor x = args[0];
        int axis = Axis.of(name(), attrs, x.shape().rank());
        Shape out = shape(new Shape[] {x.shape()}, attrs);
        return Broadcast.sumTo(x, Axis.keepDims(x.shape(), axis)).reshape(out);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : apply(tangents, attrs);
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? spread(b, cotangent, args[0], attrs) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : spread(b, outMask, args[0], attrs);
    }

    /** {@code y}, of the output's shape, copied back over the summed axis to {@code x}'s shape. */
    private int spread(GraphBuilder b, int y, int x, Attrs attrs) {
        Shape shape = b.shape(x);
        return b.broadcastTo(b.reshape(y, Axis.keepDims(shape, Axis.of(name(), attrs, shape.rank()))), shape);
    }
}
