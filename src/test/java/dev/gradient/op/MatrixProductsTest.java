package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.Seeds;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matrix products on the BLAS agree with the plain loop to rounding, in every layout and rank
 * the ops use; where an operand holds an infinity or a NaN they are the loop's, bit for bit, so
 * that {@code matmul} keeps IEEE's NaN and {@code matmul_no_nan} its exact zeros.
 */
class MatrixProductsTest {

    private static final double EPS = Math.ulp(1.0);

    static Stream<Long> seeds() {
        return Seeds.first(40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void blasAgreesWithTheLoopToRoundingOnRandomShapes(long seed) {
        Random random = new Random(seed);
        // a dimension of 1 often, so that the dgemv and ddot branches come up as well as dgemm
        int m = dimension(random);
        int n = dimension(random);
        int p = dimension(random);
        boolean transposeA = random.nextBoolean();
        boolean transposeB = random.nextBoolean();
        double[] a = finiteValues(random, m * n);
        double[] b = finiteValues(random, n * p);
        String what = String.format("seed %d: [%d,%d]%s @ [%d,%d]%s", seed, m, n, transposeA ? "^T" : "", n, p,
                transposeB ? "^T" : "");
        for (boolean zeroExact : new boolean[] {false, true}) {
            double[] expected = MatrixProducts.loop(a, m, n, b, p, transposeA, transposeB, zeroExact);
            assertAgreeToRounding(what, MatrixProducts.blas(a, m, n, b, p, transposeA, transposeB), expected,
                    bounds(a, m, n, b, p, transposeA, transposeB));
            assertAgreeToRounding(what, MatrixProducts.multiply(a, m, n, b, p, transposeA, transposeB, zeroExact, 0),
                    expected, bounds(a, m, n, b, p, transposeA, transposeB));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matmulOpsAgreeWithTheLoopInEveryRankCombination(long seed) {
        Random random = new Random(seed);
        // large enough for the BLAS threshold in each form: [m,n] @ [n,p], [m,n] @ [n], [n] @ [n,p], [n] @ [n]
        int m = 8 + random.nextInt(40);
        int n = 1100 + random.nextInt(400);
        int p = 8 + random.nextInt(40);
        for (String name : new String[] {"matmul", "matmul_no_nan"}) {
            Op op = OpRegistry.standard().require(name);
            boolean zeroExact = name.equals("matmul_no_nan");
            for (int form = 0; form < 4; form++) {
                boolean aMatrix = form < 2;
                boolean bMatrix = form % 2 == 0;
                int rows = aMatrix ? m : 1;
                int cols = bMatrix ? p : 1;
                double[] a = finiteValues(random, rows * n);
                double[] b = finiteValues(random, n * cols);
                Tensor[] args = {Tensor.of(aMatrix ? Shape.of(m, n) : Shape.of(n), a),
                    Tensor.of(bMatrix ? Shape.of(n, p) : Shape.of(n), b)};
                Tensor product = ((Primitive) op).apply(args, Attrs.NONE);
                String what = String.format("seed %d: %s %s @ %s", seed, name, args[0].shape(), args[1].shape());
                assertThat(product.shape()).as(what).isEqualTo(((Primitive) op).shape(
                        new Shape[] {args[0].shape(), args[1].shape()}, Attrs.NONE));
                assertAgreeToRounding(what, product.values(), MatrixProducts.loop(a, rows, n, b, cols, false, false, zeroExact),
                        bounds(a, rows, n, b, cols, false, false));
            }
        }
    }

    @Test
    void anInfinityOrNaNKeepsTheLoopsBitsSoMatmulGivesNaNAndMatmulNoNanExactZeros() {
        int m = 20;
        int n = 30;
        int p = 25;
        Random random = new Random(Seeds.DEFAULT_BASE);
        double[] a = finiteValues(random, m * n);
        double[] b = finiteValues(random, n * p);
        // A[0,0] is infinite and meets B[0,0], a zero, in C[0,0] and B[0,1], not one, in C[0,1];
        // A[1,3] is a NaN and meets B[3,0], not zero
        a[0] = Double.POSITIVE_INFINITY;
        b[0] = 0.0;
        b[1] = 1.5;
        a[n + 3] = Double.NaN;
        b[3 * p] = 2.0;
        for (boolean zeroExact : new boolean[] {false, true}) {
            double[] viaMultiply = MatrixProducts.multiply(a, m, n, b, p, false, false, zeroExact, 0);
            assertSameBits(viaMultiply, MatrixProducts.loop(a, m, n, b, p, false, false, zeroExact));
            double[] transposed = MatrixProducts.multiply(b, p, n, a, m, true, true, zeroExact, 0);
            assertSameBits(transposed, MatrixProducts.loop(b, p, n, a, m, true, true, zeroExact));
        }
        double[] ieee = MatrixProducts.multiply(a, m, n, b, p, false, false, false, 0);
        double[] exact = MatrixProducts.multiply(a, m, n, b, p, false, false, true, 0);
        assertThat(ieee[0]).as("inf * 0 in IEEE matmul").isNaN();
        assertThat(exact[0]).as("inf * 0 in matmul_no_nan is 0, and the rest of the sum is finite").isFinite();
        assertThat(ieee[1]).as("inf times a finite non-zero").isInfinite();
        assertThat(exact[p]).as("a NaN reaches its whole row in both").isNaN();
        assertThat(ieee[p]).isNaN();
    }

    @Test
    void aZeroTangentMeetingAnInfinitePartialGivesExactlyZero() {
        // matmul_no_nan's use: a zero cotangent times sqrt's infinite partial at 0
        int n = 64;
        double[] zeros = new double[n * n];
        double[] partials = finiteValues(new Random(Seeds.DEFAULT_BASE), n * n);
        partials[5] = Double.POSITIVE_INFINITY;
        double[] product = MatrixProducts.multiply(zeros, n, n, partials, n, false, false, true);
        assertThat(product).containsOnly(0.0);
    }

    @Test
    void finiteTellsInfinitiesAndNaNsFromEveryOtherDouble() {
        double[] finite = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE};
        assertThat(MatrixProducts.finite(finite)).isTrue();
        assertThat(MatrixProducts.finite(new double[0])).isTrue();
        for (double special : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xfff8_0000_0000_0001L), Double.longBitsToDouble(0x7ff0_0000_0000_0001L)}) {
            double[] values = finite.clone();
            values[3] = special;
            assertThat(MatrixProducts.finite(values)).as("%s", special).isFalse();
        }
    }

    @Test
    void implementationNamesALudovicNetlibBlas() {
        assertThat(MatrixProducts.implementation()).startsWith("dev.ludovic.netlib.blas.").endsWith("BLAS");
    }

    /**
     * CI installs OpenBLAS and passes {@code -Dgradient.blas.expected=dev.ludovic.netlib.blas.JNIBLAS},
     * so that a native library that stops loading fails the build instead of quietly running on
     * the Java BLAS. Without the property any BLAS will do.
     */
    @Test
    void theBlasInUseIsTheOneTheBuildExpects() {
        String expected = System.getProperty("gradient.blas.expected", "");
        assumeTrue(!expected.isBlank(), "no -Dgradient.blas.expected given: any BLAS will do");
        assertThat(MatrixProducts.implementation()).isEqualTo(expected);
    }

    private static int dimension(Random random) {
        return random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(40);
    }

    /** Gaussian values with about one in eight exactly zero. */
    private static double[] finiteValues(Random random, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextInt(8) == 0 ? 0.0 : random.nextGaussian();
        }
        return v;
    }

    /**
     * Per output element, the rounding bound of a sum of {@code n} products in any order:
     * {@code 2 n eps} times the sum of the terms' magnitudes (Higham's {@code gamma_n}, doubled
     * for a fused or blocked kernel), from the loop with the operands' absolute values.
     */
    private static double[] bounds(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB) {
        double[] magnitudes = MatrixProducts.loop(abs(a), m, n, abs(b), p, transposeA, transposeB, false);
        for (int i = 0; i < magnitudes.length; i++) {
            magnitudes[i] *= 2 * n * EPS;
        }
        return magnitudes;
    }

    private static double[] abs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }

    private static void assertAgreeToRounding(String what, double[] actual, double[] expected, double[] bounds) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("%s, element %d: %s against the loop's %s", what, i, actual[i],
                    expected[i]).isLessThanOrEqualTo(bounds[i]);
        }
    }

    private static void assertSameBits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToLongBits(actual[i])).as("element %d: %s against the loop's %s", i, actual[i], expected[i])
                    .isEqualTo(Double.doubleToLongBits(expected[i]));
        }
    }
}
