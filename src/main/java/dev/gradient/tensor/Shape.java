package dev.gradient.tensor;

import java.util.Arrays;

/**
 * The shape of a tensor: its extent along each axis, outermost first. A scalar has rank 0.
 *
 * <p>Immutable. {@code Shape.of(2, 3)} is the shape of {@code [[1,2,3],[4,5,6]]}. The number
 * of elements is kept as a {@code long} so that a hostile shape is caught by a limit check
 * instead of overflowing.
 */
public final class Shape {

    /** The shape of a scalar, {@code []}. */
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final long size;

    private Shape(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("a dimension must not be negative, got " + Arrays.toString(dims));
            }
            n = saturatingMultiply(n, d);
        }
        this.dims = dims;
        this.size = n;
    }

    /** A shape with the given dimensions; each must be zero or more. */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** The rank: how many axes. */
    public int rank() {
        return dims.length;
    }

    /** The extent of axis {@code axis}, counting from 0. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of elements; {@link Long#MAX_VALUE} where the product overflows. */
    public long size() {
        return size;
    }

    /** Whether this is the shape of a scalar. */
    public boolean isScalar() {
        return dims.length == 0;
    }

    /** Row-major strides, in elements. */
    public int[] strides() {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /**
     * The shape that NumPy broadcasting gives two operands, or {@code null} where they do not
     * broadcast: axes are aligned from the right, and each pair must be equal or contain a 1.
     */
    public static Shape broadcast(Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** Whether this shape broadcasts to {@code target} without changing {@code target}. */
    public boolean broadcastsTo(Shape target) {
        return target.equals(broadcast(this, target));
    }

    /** This shape without axis {@code axis}. */
    public Shape without(int axis) {
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != axis) {
                out[j++] = dims[i];
            }
        }
        return new Shape(out);
    }

    /** This shape with axis {@code axis} set to {@code extent}. */
    public Shape with(int axis, int extent) {
        int[] out = dims.clone();
        out[axis] = extent;
        return new Shape(out);
    }

    /** This shape with a new axis of extent {@code extent} inserted at {@code axis}. */
    public Shape inserting(int axis, int extent) {
        int[] out = new int[dims.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == axis ? extent : dims[j++];
        }
        return new Shape(out);
    }

    /** The axes of this shape followed by those of {@code other}. */
    public Shape concat(Shape other) {
        int[] out = Arrays.copyOf(dims, dims.length + other.dims.length);
        System.arraycopy(other.dims, 0, out, dims.length, other.dims.length);
        return new Shape(out);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Written as JSON writes it: {@code [2, 3]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
