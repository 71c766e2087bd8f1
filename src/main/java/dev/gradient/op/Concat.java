package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * The arguments joined along an existing axis ({@code attrs.axis}, default 0); they must agree
 * on every other axis. Linear; the VJP slices each argument's part out of the cotangent.
 */
final class Concat implements Primitive {

    @Override public String name() { return "concat"; }
    @Override public Arity arity() { return Arity.atLeast(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the existing axis to join along; default 0")); }
    @Override public String syntax() { return "concat(a, b, ..., axis=0)"; }
    @Override public String summary() { return "The arguments joined along an existing axis."; }

    private int axis(Shape first, Attrs attrs) {
        if (first.rank() == 0) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "concat: cannot join scalars (rank 0) along an axis; use stack");
        }
        return Axis.normalize(name(), attrs.integer("axis", 0), first.rank());
    }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        int axis = axis(args[0], attrs);
        long total = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].rank() != args[0].rank() || !args[i].with(axis, 0).equals(args[0].with(axis, 0))) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "concat: argument " + i + " has shape " + args[i] + ", which does not match "
                        + args[0] + " on every axis but axis " + axis);
            }
            total += args[i].dim(axis);
        }
        if (total > Integer.MAX_VALUE) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "concat: the result would have " + total + " positions along axis " + axis);
        }
        return args[0].with(axis, (int) total);
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        Shape[] shapes = new Shape[args.length];
        for (int i = 0; i < args.length; i++) {
            shapes[i] = args[i].shape();
        }
        Shape shape = shape(shapes, attrs);
        int axis = axis(shapes[0], attrs);
        int outer = Axis.outer(shape, axis);
        int rowLength = shape.dim(axis) * Axis.inner(shape, axis);
        double[] out = new double[Math.toIntExact(shape.size())];
        int offset = 0;
        for (Tensor arg : args) {
            int length = arg.shape().dim(axis) * Axis.inner(shape, axis);
            for (int o = 0; o < outer; o++) {
                System.arraycopy(arg.values(), o * length, out, o * rowLength + offset, length);
            }
            offset += length;
        }
        return Tensor.of(shape, out);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> {
            Tensor[] parts = new Tensor[args.length];
            boolean any = false;
            for (int i = 0; i < args.length; i++) {
                any |= tangents[i] != null;
                parts[i] = tangents[i] != null ? tangents[i] : Tensor.zeros(args[i].shape());
            }
            return any ? apply(parts, attrs) : null;
        };
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        int[] contributions = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            contributions[i] = needed[i] ? part(b, cotangent, args, i, attrs) : -1;
        }
        return contributions;
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : part(b, outMask, args, arg, attrs);
    }

    /** The part of {@code y} (of the output's shape) that argument {@code i} filled. */
    private int part(GraphBuilder b, int y, int[] args, int i, Attrs attrs) {
        int axis = axis(b.shape(args[0]), attrs);
        int start = 0;
        for (int j = 0; j < i; j++) {
            start += b.shape(args[j]).dim(axis);
        }
        int stop = start + b.shape(args[i]).dim(axis);
        return b.call("slice", Attrs.of("spec", SliceSpec.range(axis, start, stop)), y);
    }
}
