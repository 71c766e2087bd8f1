package dev.gradient.op;

import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;
import dev.ludovic.netlib.blas.BLAS;

/**
 * Dense matrix products for the ops, run on a BLAS ({@code dev.ludovic.netlib}: native OpenBLAS
 * through JNI where the system has {@code libblas.so.3}, else a Java implementation) where that
 * gives the same answer as the plain loop up to rounding, and on the loop otherwise. {@link
 * #implementation()} names the BLAS in use, for {@code GET /engines}.
 *
 * <p>Arrays are row-major. {@link #multiply} computes {@code C = op(A) · op(B)}, {@code op(A)} of
 * shape {@code [m, n]} and {@code op(B)} of shape {@code [n, p]}, where {@code op(X)} is {@code X}
 * or, with its transpose flag, {@code X}'s transpose: so {@code a} holds {@code m·n} numbers laid
 * out as {@code [m, n]}, or as {@code [n, m]} when transposed. A vector is a matrix with one row or
 * one column, so {@code m = 1} or {@code p = 1} serve the 1-D forms ({@code dgemv}, {@code ddot}).
 *
 * <p>Two kinds of product: IEEE ({@code 0 * inf} is NaN, the public {@code matmul}) and zero-exact
 * ({@code 0 * inf} is 0, {@link Elementwise#scale}, for derivatives). A BLAS gives neither rule
 * reliably where an element is infinite or NaN (some skip a term whose factor is zero, which loses
 * IEEE's NaN, and none knows the zero-exact rule), but where every element is finite both rules
 * are plain IEEE products; so the BLAS runs only on finite operands, and the loop keeps exactly
 * today's bits otherwise. The BLAS sums in its own order, so its results differ from the loop's
 * in rounding only.
 */
public final class MatrixProducts {

    /**
     * The number of multiply-adds ({@code m·n·p}) from which a product goes to the BLAS. Below it
     * the call (through JNI for the native library) and the scan for non-finite elements cost
     * about what the BLAS saves: measured on this project's 2-core machine (one thread), native
     * OpenBLAS was level with the loop at 8x8x8 and 1.5 times faster at 12x12x12; the Java
     * BLAS was ahead of the loop from 4x4x4 on.
     */
    static final long BLAS_THRESHOLD = 1024;

    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private MatrixProducts() {
    }

    /**
     * The class name of the BLAS in use: {@code dev.ludovic.netlib.blas.JNIBLAS} for the native
     * library, {@code VectorBLAS}, {@code Java11BLAS} or {@code Java8BLAS} for the Java ones.
     */
    public static String implementation() {
        return BLAS_INSTANCE.getClass().getName();
    }

    /** {@code op(A) · op(B)} (see the class comment), on the BLAS where the product is large and finite. */
    static double[] multiply(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB,
            boolean zeroExact) {
        return multiply(a, m, n, b, p, transposeA, transposeB, zeroExact, BLAS_THRESHOLD, Arena.none());
    }

    /**
     * As the product above, of the tensors' elements, into an array taken from {@code arena}; each
     * operand's finiteness is asked of the tensor ({@link Tensor#allFinite}), which keeps it.
     */
    static double[] multiply(Tensor a, int m, int n, Tensor b, int p, boolean transposeA, boolean transposeB,
            boolean zeroExact, Arena arena) {
        double[] c = arena.takeZeros(m * p);
        if (worthTheBlas(m, n, p, transposeB, BLAS_THRESHOLD) && a.allFinite() && b.allFinite()) {
            return blas(a.values(), m, n, b.values(), p, transposeA, transposeB, c);
        }
        return loop(a.values(), m, n, b.values(), p, transposeA, transposeB, zeroExact, c);
    }

    /** Whether a product of this size and layout runs faster on the BLAS than in the loop. */
    private static boolean worthTheBlas(int m, int n, int p, boolean transposeB, long threshold) {
        // vector @ matrix: the loop's inner axis runs along the matrix's rows, which the JIT
        // vectorises, and the scan of the matrix would cost as much as the product itself; it
        // measured faster than scan and dgemv, native or Java, at 1x784x128
        boolean loopIsAsFast = m == 1 && p > 1 && !transposeB;
        return m != 0 && n != 0 && p != 0 && (long) m * n * p >= threshold && !loopIsAsFast;
    }

    /** As the product above, but on the BLAS from {@code threshold} multiply-adds on (tests pass 0). */
    static double[] multiply(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB,
            boolean zeroExact, long threshold) {
        return multiply(a, m, n, b, p, transposeA, transposeB, zeroExact, threshold, Arena.none());
    }

    private static double[] multiply(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB,
            boolean zeroExact, long threshold, Arena arena) {
        // both paths add into zeros: the BLAS too, whose beta of 0 need not clear what is there
        double[] c = arena.takeZeros(m * p);
        if (worthTheBlas(m, n, p, transposeB, threshold) && finite(a) && finite(b)) {
            return blas(a, m, n, b, p, transposeA, transposeB, c);
        }
        return loop(a, m, n, b, p, transposeA, transposeB, zeroExact, c);
    }

    /** The reference: for each row, the sum over the inner axis in index order, as matmul always computed it. */
    static double[] loop(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB,
            boolean zeroExact) {
        return loop(a, m, n, b, p, transposeA, transposeB, zeroExact, new double[m * p]);
    }

    private static double[] loop(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB,
            boolean zeroExact, double[] z) {
        double[] x = transposeA ? transpose(a, n, m) : a;
        double[] y = transposeB ? transpose(b, p, n) : b;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i * n + k];
                for (int j = 0; j < p; j++) {
                    z[i * p + j] += zeroExact ? Elementwise.scale(xik, y[k * p + j]) : xik * y[k * p + j];
                }
            }
        }
        return z;
    }

    /**
     * The BLAS reads column-major arrays, and a row-major {@code [r, c]} array is the column-major
     * {@code [c, r]} one, its transpose; so {@code C = op(A) op(B)} is asked as
     * {@code C^T = op(B)^T op(A)^T}, which needs no copy.
     */
    static double[] blas(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB) {
        return blas(a, m, n, b, p, transposeA, transposeB, new double[m * p]);
    }

    private static double[] blas(double[] a, int m, int n, double[] b, int p, boolean transposeA, boolean transposeB,
            double[] c) {
        if (m == 1 && p == 1) {
            c[0] = BLAS_INSTANCE.ddot(n, a, 1, b, 1);
        } else if (p == 1) {
            if (transposeA) {
                BLAS_INSTANCE.dgemv("N", m, n, 1.0, a, m, b, 1, 0.0, c, 1);
            } else {
                BLAS_INSTANCE.dgemv("T", n, m, 1.0, a, n, b, 1, 0.0, c, 1);
            }
        } else if (m == 1) {
            if (transposeB) {
                BLAS_INSTANCE.dgemv("T", n, p, 1.0, b, n, a, 1, 0.0, c, 1);
            } else {
                BLAS_INSTANCE.dgemv("N", p, n, 1.0, b, p, a, 1, 0.0, c, 1);
            }
        } else {
            BLAS_INSTANCE.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", p, m, n,
                    1.0, b, transposeB ? n : p, a, transposeA ? m : n, 0.0, c, p);
        }
        return c;
    }

    /**
     * Whether no element is infinite or NaN ({@link Tensor#allFinite(double[])}): a pass over the
     * operands before a product that costs {@code n} times as much, and must stay small beside it.
     */
    static boolean finite(double[] values) {
        return Tensor.allFinite(values);
    }

    /** The row-major {@code [cols, rows]} transpose of a row-major {@code [rows, cols]} array. */
    private static double[] transpose(double[] values, int rows, int cols) {
        double[] t = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return t;
    }
}
