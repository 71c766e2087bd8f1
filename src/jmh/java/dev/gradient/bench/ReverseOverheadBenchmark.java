package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cheap-gradient bound: a reverse-mode gradient should cost a small constant times the
 * function (Baydin et al. 2018: under 6, typically 2 to 3). Measures the primal evaluation and
 * the gradient of a 100,000-node scalar graph and of an MLP loss (784-128-10, batch 32).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReverseOverheadBenchmark {

    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled chain;
    private Tensor[] chainPoint;
    private Compiled mlp;
    private Tensor[] mlpPoint;

    @Setup
    public void setUp() {
        chain = BenchmarkFunctions.chain(100_000);
        chainPoint = BenchmarkFunctions.chainPoint();
        mlp = BenchmarkFunctions.mlp();
        mlpPoint = BenchmarkFunctions.mlpPoint(new Random(42));
    }

    @Benchmark
    public Tensor[] chainPrimal() {
        return derivatives.evaluate(chain, chainPoint);
    }

    @Benchmark
    public Derivatives.Gradient chainGradient() {
        return derivatives.gradient(reverse, chain, chainPoint, BenchmarkFunctions.range(4), 0);
    }

    @Benchmark
    public Tensor[] mlpPrimal() {
        return derivatives.evaluate(mlp, mlpPoint);
    }

    @Benchmark
    public Derivatives.Gradient mlpGradient() {
        return derivatives.gradient(reverse, mlp, mlpPoint, new int[] {2, 3, 4, 5}, 0);
    }
}
