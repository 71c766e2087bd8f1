package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/** The same elements in row-major order under {@code attrs.shape}; one extent may be -1, as in NumPy. */
final class Reshape implements Primitive {

    @Override public String name() { return "reshape"; }
    @Override public Arity arity() { return Arity.exactly(1); }

    @Override
    public List<AttrSpec> attrs() {
        return List.of(new AttrSpec("shape", AttrSpec.Kind.INTS, true, "the new shape; one extent may be -1 (inferred)"));
    }

    @Override public String syntax() { return "reshape(x, shape=[2, 3])"; }
    @Override public String summary() { return "The same elements, row-major, under a new shape."; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        List<Integer> dims = attrs.integers("shape");
        if (dims == null) {
            throw new GradientException(ErrorCode.BAD_ATTRS, "reshape: the attribute 'shape' is required");
        }
        int[] out = new int[dims.size()];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            int d = dims.get(i);
            if (d == -1 && inferred < 0) {
                inferred = i;
            } else if (d < 0) {
                throw new GradientException(ErrorCode.BAD_ATTRS, "reshape: shape " + dims + " may have one -1 and no other negative extent");
            } else {
                out[i] = d;
                known *= d;
            }
        }
        long size = args[0].size();
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "reshape: cannot reshape " + args[0] + " (" + size + " elements) to " + dims);
            }
            out[inferred] = Math.toIntExact(size / known);
        }
        Shape shape = Shape.of(out);
        if (shape.size() != size) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "reshape: cannot reshape " + args[0] + " (" + size + " elements) to " + shape
                    + " (" + shape.size() + " elements)");
        }
        return shape;
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return args[0].reshape(shape(new Shape[] {args[0].shape()}, attrs));
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : tangents[0].reshape(out.shape());
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? b.reshape(cotangent, b.shape(args[0])) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : b.reshape(outMask, b.shape(args[0]));
    }

    @Override
    public long cost(Shape[] args, Shape out) {
        return 1;
    }
}
