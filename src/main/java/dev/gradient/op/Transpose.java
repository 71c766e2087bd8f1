package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/** The transpose of a matrix (2-D only). Linear, and its own transpose. */
final class Transpose implements Primitive {

    private static final int TILE = 32;

    @Override public String name() { return "transpose"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public String syntax() { return "transpose(A)"; }
    @Override public String summary() { return "The transpose of a 2-D matrix."; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        if (args[0].rank() != 2) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "transpose: expected a 2-D matrix, got shape " + args[0]);
        }
        return Shape.of(args[0].dim(1), args[0].dim(0));
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        Shape shape = shape(new Shape[] {args[0].shape()}, attrs);
        int rows = shape.dim(0);
        int cols = shape.dim(1);
        double[] x = args[0].values();
        double[] out = new double[x.length];
        // in tiles, so that both the rows read and the rows written stay in cache
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int iEnd = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int jEnd = Math.min(cols, j0 + TILE);
                for (int i = i0; i < iEnd; i++) {
                    for (int j = j0; j < jEnd; j++) {
                        out[i * cols + j] = x[j * rows + i];
                    }
                }
            }
        }
        return Tensor.of(shape, out);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : apply(tangents, attrs);
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? b.call("transpose", cotangent) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : b.call("transpose", outMask);
    }
}
