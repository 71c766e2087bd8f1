package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * Internal: the transpose of {@link Slice}. A tensor of {@code attrs.shape}, zero except at the
 * positions that {@code attrs.spec} selects, which hold {@code x}'s elements; {@code x} must
 * have the shape that the spec selects. Its own transpose is {@link Slice}.
 */
final class Unslice implements Primitive {

    @Override public String name() { return "unslice"; }
    @Override public Arity arity() { return Arity.exactly(1); }

    @Override
    public List<AttrSpec> attrs() {
        return List.of(new AttrSpec("shape", AttrSpec.Kind.INTS, true, "the shape of the result"),
                new AttrSpec("spec", AttrSpec.Kind.STRING, true, "the positions x fills, as for slice"));
    }

    @Override public String syntax() { return "unslice(x, shape=[4], spec=\"1:3\")"; }
    @Override public String summary() { return "x placed among zeros at the positions a slice of the given shape would read."; }
    @Override public boolean isPublic() { return false; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        Shape target = Shapes.attr(name(), attrs);
        SliceSpec spec = Slice.spec(name(), attrs);
        Shape selected = SliceSpec.shapeOf(spec.select(name(), target));
        if (!selected.equals(args[0])) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, name() + ": spec \"" + spec + "\" selects " + selected + " from " + target
                    + ", but the argument has shape " + args[0]);
        }
        return target;
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return apply(args, attrs, Arena.none());
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        Shape target = Shapes.attr(name(), attrs);
        SliceSpec.AxisSelection[] axes = Slice.spec(name(), attrs).select(name(), target);
        double[] x = args[0].values();
        double[] out = arena.takeZeros(Math.toIntExact(target.size()));
        int start = SliceSpec.contiguousStart(axes, target);
        if (start >= 0) {
            System.arraycopy(x, 0, out, start, x.length);
            return Tensor.of(target, out);
        }
        int[] to = SliceSpec.sourceIndices(axes, target);
        for (int i = 0; i < to.length; i++) {
            out[to[i]] = x[i];
        }
        return Tensor.of(target, out);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : apply(tangents, attrs);
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? b.call("slice", sliceAttrs(attrs), cotangent) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : b.call("slice", sliceAttrs(attrs), outMask);
    }

    private static Attrs sliceAttrs(Attrs attrs) {
        return Attrs.of("spec", attrs.string("spec"));
    }
}
