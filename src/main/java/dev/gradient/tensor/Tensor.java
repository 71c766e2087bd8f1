package dev.gradient.tensor;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense tensor of doubles in row-major order: the one value type that flows through graphs.
 *
 * <p>Immutable by contract: {@link #values()} hands out the backing array so that kernels can
 * read it without copying, and nobody writes to it after construction. {@code Tensor.of(
 * Shape.of(2, 3), new double[] {1, 2, 3, 4, 5, 6})} is {@code [[1,2,3],[4,5,6]]}.
 */
public final class Tensor {

    private static final long EXPONENT = 0x7ff0_0000_0000_0000L;
    private static final long EXPONENT_ONE = 0x0010_0000_0000_0000L;

    private final Shape shape;
    private final double[] values;
    /** 0 not yet known, 1 every element finite, 2 some element infinite or NaN: see {@link #allFinite}. */
    private byte finiteness;

    private Tensor(Shape shape, double[] values) {
        if (shape.size() != values.length) {
            throw new IllegalArgumentException(
                    "shape " + shape + " holds " + shape.size() + " elements, got " + values.length);
        }
        this.shape = shape;
        this.values = values;
    }

    /**
     * A tensor that takes ownership of {@code values}: the caller must not write to the array
     * afterwards.
     */
    public static Tensor of(Shape shape, double[] values) {
        return new Tensor(shape, values);
    }

    /** A scalar. */
    public static Tensor scalar(double value) {
        return new Tensor(Shape.SCALAR, new double[] {value});
    }

    /** A tensor of the given shape with every element equal to {@code value}. */
    public static Tensor filled(Shape shape, double value) {
        double[] values = new double[Math.toIntExact(shape.size())];
        if (Double.doubleToRawLongBits(value) != 0L) {
            // new arrays hold +0.0; anything else, -0.0 included, is written
            Arrays.fill(values, value);
        }
        return new Tensor(shape, values);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(Shape shape) {
        return filled(shape, 0.0);
    }

    /** The basis tensor that is 1 at flat index {@code index} and 0 elsewhere. */
    public static Tensor unit(Shape shape, int index) {
        double[] values = new double[Math.toIntExact(shape.size())];
        values[index] = 1.0;
        return new Tensor(shape, values);
    }

    /** Its shape. */
    public Shape shape() {
        return shape;
    }

    /** The number of elements. */
    public int size() {
        return values.length;
    }

    /** The element at row-major position {@code index}. */
    public double get(int index) {
        return values[index];
    }

    /** The only element of a tensor with one element (a scalar, or any shape of size 1). */
    public double scalarValue() {
        if (values.length != 1) {
            throw new IllegalStateException("not a single value: shape " + shape);
        }
        return values[0];
    }

    /** The backing array, row-major. Shared, not copied: never write to it. */
    public double[] values() {
        return values;
    }

    /**
     * Whether no element is infinite or NaN, found by one scan the first time it is asked and
     * then kept: the matrix products ask it of every operand before they use the BLAS, and a
     * weight matrix is an operand of the forward product and again of a pullback's. (The one
     * array written after its tensor is made, a reverse sweep's sum of contributions, is complete
     * before anything reads it.)
     */
    public boolean allFinite() {
        if (finiteness == 0) {
            finiteness = allFinite(values) ? (byte) 1 : (byte) 2;
        }
        return finiteness == 1;
    }

    /**
     * Whether no element of {@code values} is infinite or NaN. An element's exponent bits plus one
     * in the lowest exponent bit carry into the sign bit exactly when they were all set; or-ing
     * those sums keeps the loop free of branches, so that the JIT vectorises it.
     */
    public static boolean allFinite(double[] values) {
        long carry = 0;
        for (double v : values) {
            carry |= (Double.doubleToRawLongBits(v) & EXPONENT) + EXPONENT_ONE;
        }
        return carry >= 0;
    }

    /** The same elements under another shape of the same size. */
    public Tensor reshape(Shape newShape) {
        return new Tensor(newShape, values);
    }

    /** A new tensor with {@code f} applied to each element. */
    public Tensor map(DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return new Tensor(shape, out);
    }

    /** Whether both have the same shape and bit-for-bit the same elements (NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor other && shape.equals(other.shape) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + shape + Arrays.toString(values);
    }
}
