package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * Internal: {@code x} summed down to {@code attrs.shape}, the transpose of broadcasting, which
 * reverse-mode rules of broadcasting ops need. Its transpose is {@link BroadcastTo}.
 */
final class SumTo implements Primitive {

    @Override public String name() { return "sum_to"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(new AttrSpec("shape", AttrSpec.Kind.INTS, true, "the target shape")); }
    @Override public String syntax() { return "sum_to(x, shape=[3])"; }
    @Override public String summary() { return "x summed over the axes along which the target shape would be broadcast."; }
    @Override public boolean isPublic() { return false; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        Shape target = Shapes.attr(name(), attrs);
        if (!target.broadcastsTo(args[0])) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, name() + ": " + target + " does not broadcast to " + args[0]);
        }
        return target;
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return Broadcast.sumTo(args[0], Shapes.attr(name(), attrs));
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : apply(tangents, attrs);
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? b.broadcastTo(cotangent, b.shape(args[0])) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : b.broadcastTo(outMask, b.shape(args[0]));
    }
}
