package dev.gradient.bench;

import dev.gradient.graph.Attrs;
import dev.gradient.op.MatrixProducts;
import dev.gradient.op.OpRegistry;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MLP's first-layer product, {@code [128, 784] @ [784, 32]}, through the {@code matmul} op
 * (and the zero-exact {@code matmul_no_nan} of derivatives), beside the plain triple loop that
 * matmul ran before it had a BLAS, in the same run. The BLAS in use is printed at setup, since
 * the ratio depends on it ({@code -Ddev.ludovic.netlib.blas.allowNative=false} in {@code -jvmArgs}
 * measures the Java one where a native library is installed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatMulBenchmark {

    private static final int M = 128;
    private static final int N = 784;
    private static final int P = 32;

    private final Primitive matmul = (Primitive) OpRegistry.standard().require("matmul");
    private final Primitive matmulNoNan = (Primitive) OpRegistry.standard().require("matmul_no_nan");
    private Tensor[] args;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        args = new Tensor[] {BenchmarkFunctions.random(random, 0.05, M, N), BenchmarkFunctions.random(random, 1.0, N, P)};
        System.out.println("BLAS: " + MatrixProducts.implementation());
    }

    @Benchmark
    public Tensor matmul() {
        return matmul.apply(args, Attrs.NONE);
    }

    @Benchmark
    public Tensor matmulNoNan() {
        return matmulNoNan.apply(args, Attrs.NONE);
    }

    /** The loop matmul ran before the BLAS: row by row, the inner axis in order, IEEE products. */
    @Benchmark
    public double[] plainLoop() {
        double[] x = args[0].values();
        double[] y = args[1].values();
        double[] z = new double[M * P];
        for (int i = 0; i < M; i++) {
            for (int k = 0; k < N; k++) {
                double xik = x[i * N + k];
                for (int j = 0; j < P; j++) {
                    z[i * P + j] += xik * y[k * P + j];
                }
            }
        }
        return z;
    }
}
