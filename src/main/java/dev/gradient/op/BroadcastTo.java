package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/** Internal: {@code x} broadcast to {@code attrs.shape}. Its transpose is {@link SumTo}. */
final class BroadcastTo implements Primitive {

    @Override public String name() { return "broadcast_to"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(new AttrSpec("shape", AttrSpec.Kind.INTS, true, "the target shape")); }
    @Override public String syntax() { return "broadcast_to(x, shape=[2, 3])"; }
    @Override public String summary() { return "x repeated along broadcast axes to the given shape."; }
    @Override public boolean isPublic() { return false; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        Shape target = Shapes.attr(name(), attrs);
        if (!args[0].broadcastsTo(target)) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, name() + ": " + args[0] + " does not broadcast to " + target);
        }
        return target;
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return apply(args, attrs, Arena.none());
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        return Broadcast.broadcastTo(args[0], Shapes.attr(name(), attrs), arena);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : apply(tangents, attrs);
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? b.sumTo(cotangent, b.shape(args[0])) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return Elementwise.liveMask(b, args[0], outMask);
    }
}
