package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The elementwise kernels (each op's own loop, the step-0 path for a broadcast scalar, the copy
 * for any other broadcast, {@code pow}'s {@code x * x}) give bit for bit the doubles of the
 * op's scalar {@code f} applied element by element, and the forward-mode tangents bit for bit
 * those of its scalar partials through {@link Elementwise#scale}, on special and random values.
 * The references index the operands by hand, independently of {@code Broadcast}. NaNs compare
 * equal whatever their payload ({@link Double#doubleToLongBits}).
 */
class ElementwiseKernelsBitForBitTest {

    private static final double[] SPECIAL = {
        0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 1e-300, -1e-300, 1e300, -1e300,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MIN_NORMAL / 3, -Double.MIN_NORMAL / 7,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Math.PI, -Math.E, 0.9999999999999999, 1.0000000000000002, 710.0, -745.0, 1e-8
    };

    private static final int RANDOM = 2_000;

    static Stream<UnaryOp> unaryOps() {
        return OpRegistry.standard().all().stream().filter(UnaryOp.class::isInstance).map(UnaryOp.class::cast);
    }

    static Stream<BinaryOp> binaryOps() {
        return OpRegistry.standard().all().stream().filter(BinaryOp.class::isInstance).map(BinaryOp.class::cast);
    }

    /** The special values, then random ones: Gaussian, wide uniform, any bit pattern, subnormal. */
    private static double[] values(long seed) {
        Random random = new Random(seed);
        double[] v = new double[SPECIAL.length + RANDOM];
        System.arraycopy(SPECIAL, 0, v, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < v.length; i++) {
            v[i] = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> 20 * (random.nextDouble() - 0.5);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> Double.longBitsToDouble(random.nextLong() & 0x800fffffffffffffL);
            };
        }
        return v;
    }

    @ParameterizedTest
    @MethodSource("unaryOps")
    void unaryKernelIsTheScalarFunctionElementByElement(UnaryOp op) {
        double[] x = values(1);
        Tensor y = op.apply(new Tensor[] {Tensor.of(Shape.of(x.length), x)}, Attrs.NONE);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = op.f(x[i]);
        }
        assertSameBits(op.name(), expected, y.values());
    }

    @ParameterizedTest
    @MethodSource("unaryOps")
    void unaryTangentIsTheScalarDerivativeElementByElement(UnaryOp op) {
        double[] x = values(2);
        double[] t = values(3);
        Tensor[] args = {Tensor.of(Shape.of(x.length), x)};
        Tensor out = op.apply(args, Attrs.NONE);
        Tensor tangent = op.linearize(args, out, Attrs.NONE).apply(new Tensor[] {Tensor.of(Shape.of(t.length), t)});
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Elementwise.scale(t[i], op.df(x[i], out.get(i)));
        }
        assertSameBits(op.name() + " tangent", expected, tangent.values());
    }

    /** Every pair of special values, then random pairs, as two vectors of one shape. */
    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryKernelOnOneShapeIsTheScalarFunction(BinaryOp op) {
        int pairs = SPECIAL.length * SPECIAL.length;
        double[] a = new double[pairs + RANDOM];
        double[] b = new double[pairs + RANDOM];
        for (int i = 0; i < pairs; i++) {
            a[i] = SPECIAL[i / SPECIAL.length];
            b[i] = SPECIAL[i % SPECIAL.length];
        }
        System.arraycopy(values(4), SPECIAL.length, a, pairs, RANDOM);
        System.arraycopy(values(5), SPECIAL.length, b, pairs, RANDOM);
        checkBinary(op, Shape.of(a.length), a, Shape.of(b.length), b);
    }

    /** Each special value as a scalar (shape [] and [1]) on either side of a vector. */
    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryKernelWithABroadcastScalarIsTheScalarFunction(BinaryOp op) {
        double[] v = values(6);
        for (double s : SPECIAL) {
            for (Shape scalar : new Shape[] {Shape.SCALAR, Shape.of(1)}) {
                checkBinary(op, scalar, new double[] {s}, Shape.of(v.length), v);
                checkBinary(op, Shape.of(v.length), v, scalar, new double[] {s});
            }
        }
    }

    /** A column against a row ([k, 1] with [m]) and a matrix against a row ([k, m] with [1, m]), both ways round. */
    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryKernelWithAGeneralBroadcastIsTheScalarFunction(BinaryOp op) {
        double[] column = SPECIAL;
        double[] row = values(7);
        int k = column.length;
        int m = row.length;
        checkBinary(op, Shape.of(k, 1), column, Shape.of(m), row);
        checkBinary(op, Shape.of(m), row, Shape.of(k, 1), column);
        double[] matrix = values(8);
        int rows = matrix.length / 50;
        double[] smallRow = Arrays.copyOf(SPECIAL, 50);
        double[] trimmed = Arrays.copyOf(matrix, rows * 50);
        checkBinary(op, Shape.of(rows, 50), trimmed, Shape.of(1, 50), smallRow);
        checkBinary(op, Shape.of(1, 50), smallRow, Shape.of(rows, 50), trimmed);
    }

    /** The shared loops in UnaryOp are there only for test ops: a registered op that used it would be slow, not wrong. */
    @ParameterizedTest
    @MethodSource("unaryOps")
    void everyRegisteredUnaryOpHasItsOwnKernels(UnaryOp op) throws NoSuchMethodException {
        assertThat(op.getClass().getDeclaredMethod("kernel", double[].class, double[].class)).isNotNull();
        assertThat(op.getClass().getDeclaredMethod("derivativeKernel", double[].class, double[].class, double[].class))
                .isNotNull();
    }

    @Test
    void squaringIsBitForBitMathPowWithExponentTwo() {
        Random random = new Random(9);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i < SPECIAL.length ? SPECIAL[i] : Double.longBitsToDouble(random.nextLong());
            if (Double.doubleToLongBits(x * x) != Double.doubleToLongBits(Math.pow(x, 2.0))) {
                fail("x * x at x = %s is %s, Math.pow(x, 2.0) is %s", x, x * x, Math.pow(x, 2.0));
            }
        }
    }

    /**
     * {@code op} on operands of these shapes (which broadcast), forward and forward-mode, against
     * the scalar functions at hand-computed broadcast indices.
     */
    private static void checkBinary(BinaryOp op, Shape aShape, double[] a, Shape bShape, double[] b) {
        Shape shape = Shape.broadcast(aShape, bShape);
        Tensor[] args = {Tensor.of(aShape, a), Tensor.of(bShape, b)};
        Tensor out = op.apply(args, Attrs.NONE);
        assertThat(out.shape()).isEqualTo(shape);
        int n = out.size();
        int[] ia = indices(aShape, shape);
        int[] ib = indices(bShape, shape);
        String what = op.name() + " of " + aShape + " and " + bShape;
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = op.f(a[ia[i]], b[ib[i]]);
        }
        assertSameBits(what, expected, out.values());

        double[] ta = reversed(a);
        double[] tb = reversed(b);
        Jvp jvp = op.linearize(args, out, Attrs.NONE);
        Tensor both = jvp.apply(new Tensor[] {Tensor.of(aShape, ta), Tensor.of(bShape, tb)});
        Tensor onlyB = jvp.apply(new Tensor[] {null, Tensor.of(bShape, tb)});
        double[] expectedBoth = new double[n];
        double[] expectedOnlyB = new double[n];
        for (int i = 0; i < n; i++) {
            double ai = a[ia[i]];
            double bi = b[ib[i]];
            double y = out.get(i);
            double fromB = Elementwise.scale(tb[ib[i]], op.dfb(ai, bi, y));
            expectedBoth[i] = Elementwise.scale(ta[ia[i]], op.dfa(ai, bi, y)) + fromB;
            expectedOnlyB[i] = 0.0 + fromB;
        }
        assertSameBits(what + ", tangent", expectedBoth, both.values());
        assertSameBits(what + ", tangent of b alone", expectedOnlyB, onlyB.values());
    }

    /** For each element of {@code to}, row-major, the element of {@code from} that broadcasting reads. */
    private static int[] indices(Shape from, Shape to) {
        int size = Math.toIntExact(to.size());
        int[] map = new int[size];
        int offset = to.rank() - from.rank();
        for (int i = 0; i < size; i++) {
            int rest = i;
            int index = 0;
            int stride = 1;
            for (int axis = to.rank() - 1; axis >= 0; axis--) {
                int coordinate = rest % to.dim(axis);
                rest /= to.dim(axis);
                if (axis >= offset) {
                    int dim = from.dim(axis - offset);
                    index += (dim == 1 ? 0 : coordinate) * stride;
                    stride *= dim;
                }
            }
            map[i] = index;
        }
        return map;
    }

    /** Tangents that differ from the values they go with: the same numbers in reverse order. */
    private static double[] reversed(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    private static void assertSameBits(String what, double[] expected, double[] actual) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail("%s at element %d: %s, expected %s", what, i, actual[i], expected[i]);
            }
        }
    }
}
