package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.HessianVectorProducts;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12's first ratio: a Hessian-vector product (forward over reverse, and reverse over
 * reverse) against a gradient (reverse mode) on the chained Rosenbrock function, for n from 10
 * to 10^6; the target is at most 4, whatever n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HvpBenchmark {

    private static final int[] X = {0};

    @Param({"10", "1000", "100000", "1000000"})
    public int n;

    private final Derivatives derivatives = new Derivatives();
    private final HessianVectorProducts hvp = new HessianVectorProducts();
    private final ForwardEngine forward = new ForwardEngine();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled rosenbrock;
    private Tensor[] point;
    private Tensor[][] tangent;

    @Setup
    public void setUp() {
        Random random = new Random(12);
        rosenbrock = BenchmarkFunctions.rosenbrock(n);
        point = new Tensor[] {BenchmarkFunctions.random(random, 1.5, n)};
        tangent = new Tensor[][] {{BenchmarkFunctions.random(random, 1.0, n)}};
    }

    @Benchmark
    public Derivatives.Gradient gradient() {
        return derivatives.gradient(reverse, rosenbrock, point, X, 0);
    }

    @Benchmark
    public HessianVectorProducts.Result hvpForwardOverReverse() {
        return hvp.hvp(forward, rosenbrock, point, X, 0, tangent);
    }

    @Benchmark
    public HessianVectorProducts.Result hvpReverseOverReverse() {
        return hvp.hvp(reverse, rosenbrock, point, X, 0, tangent);
    }
}
