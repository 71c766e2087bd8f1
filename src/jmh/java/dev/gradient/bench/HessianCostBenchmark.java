package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ForwardEngine;
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
 * Hessian (forward over reverse) time against gradient time on the n-dimensional Rosenbrock
 * function: a dense Hessian is n forward sweeps over the gradient graph, so the ratio should
 * grow like n times a small constant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HessianCostBenchmark {

    @Param({"4", "16", "64", "256"})
    public int n;

    private final Derivatives derivatives = new Derivatives();
    private final ForwardEngine forward = new ForwardEngine();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled rosenbrock;
    private Tensor[] point;

    @Setup
    public void setUp() {
        rosenbrock = BenchmarkFunctions.rosenbrock(n);
        point = new Tensor[] {BenchmarkFunctions.random(new Random(5), 1.5, n)};
    }

    @Benchmark
    public Derivatives.Gradient gradient() {
        return derivatives.gradient(reverse, rosenbrock, point, new int[] {0}, 0);
    }

    @Benchmark
    public Derivatives.Hessian hessian() {
        return derivatives.hessian(forward, rosenbrock, point, new int[] {0}, 0);
    }
}
