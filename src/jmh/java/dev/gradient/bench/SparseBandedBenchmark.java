package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.HessianVectorProducts;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.sparsity.SparseDerivatives;
import dev.gradient.sparsity.SparsePlan;
import dev.gradient.tensor.Shape;
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
 * Issue 12's sparse ratios at n = 10^5: the sparse Hessian of {@code sum((x[:-2] + x[1:-1]
 * x[2:])^2) + sum(cos(x))}, whose terms couple three neighbours (one Hessian-vector product per
 * colour of a star colouring, forward over reverse and reverse over reverse), against its
 * gradient; and the sparse tridiagonal Jacobian of {@code x[:-2] - 2 x[1:-1]^2 + x[2:]} (one JVP
 * per colour of a column colouring) against the gradient of its sum. Target: at most colours + 2
 * gradients. Patterns and colourings are made in the setup, as the service keeps them with the
 * compiled function; the setup prints the colours.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SparseBandedBenchmark {

    private static final int N = 100_000;
    private static final int[] X = {0};

    private final Derivatives derivatives = new Derivatives();
    private final SparseDerivatives sparse = new SparseDerivatives(new HessianVectorProducts());
    private final ForwardEngine forward = new ForwardEngine();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled banded;
    private Compiled bandedVector;
    private Compiled bandedVectorSum;
    private Tensor[] point;
    private SparsePlan hessianPlan;
    private SparsePlan jacobianPlan;

    @Setup
    public void setUp() {
        banded = BenchmarkFunctions.expression("sum((x[:-2] + x[1:-1] * x[2:])^2) + sum(cos(x))", Shape.of(N));
        bandedVector = BenchmarkFunctions.expression("x[:-2] - 2 * x[1:-1]^2 + x[2:]", Shape.of(N));
        bandedVectorSum = BenchmarkFunctions.expression("sum(x[:-2] - 2 * x[1:-1]^2 + x[2:])", Shape.of(N));
        point = new Tensor[] {BenchmarkFunctions.random(new Random(12), 1.0, N)};
        hessianPlan = sparse.hessianPlan(banded, X, 0, Long.MAX_VALUE);
        jacobianPlan = sparse.jacobianPlan(forward, bandedVector, X, new int[] {0}, Long.MAX_VALUE);
        System.out.printf("%nsparse Hessian: %d colours (max row degree %d); sparse Jacobian: %d colours (max row degree %d)%n",
                hessianPlan.sweeps(), hessianPlan.lowerBound(), jacobianPlan.sweeps(), jacobianPlan.lowerBound());
    }

    @Benchmark
    public Derivatives.Gradient hessianFunctionGradient() {
        return derivatives.gradient(reverse, banded, point, X, 0);
    }

    @Benchmark
    public SparseDerivatives.SparseHessian sparseHessian() {
        return sparse.hessian(forward, banded, point, X, 0, hessianPlan);
    }

    @Benchmark
    public SparseDerivatives.SparseHessian sparseHessianReverseOverReverse() {
        return sparse.hessian(reverse, banded, point, X, 0, hessianPlan);
    }

    @Benchmark
    public Derivatives.Gradient jacobianFunctionGradient() {
        return derivatives.gradient(reverse, bandedVectorSum, point, X, 0);
    }

    @Benchmark
    public SparseDerivatives.SparseJacobian sparseJacobian() {
        return sparse.jacobian(forward, bandedVector, point, X, new int[] {0}, jacobianPlan);
    }
}
