package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.ReverseEngine;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The elementwise kernels (issue 10, part 1): two elementwise programs over 10^5 elements, one
 * of them a scalar broadcast, and the reverse-mode gradient of the n-dimensional Rosenbrock
 * function beside a hand-written Java loop computing the same gradient, the speed of the
 * machine that the engine is measured against; and a forward-mode directional derivative of the
 * same function, which runs every op's linearize.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ElementwiseKernelsBenchmark {

    private static final int SIZE = 100_000;

    private final Derivatives derivatives = new Derivatives();
    private Compiled productPlusSine;
    private Compiled timesTwo;
    private Tensor[] pair;
    private Tensor[] single;

    @Setup
    public void setUp() {
        productPlusSine = BenchmarkFunctions.expression("a * b + sin(a)", Shape.of(SIZE), Shape.of(SIZE));
        timesTwo = BenchmarkFunctions.expression("x * 2.0", Shape.of(SIZE));
        Random random = new Random(5);
        pair = new Tensor[] {BenchmarkFunctions.random(random, 2.0, SIZE), BenchmarkFunctions.random(random, 2.0, SIZE)};
        single = new Tensor[] {BenchmarkFunctions.random(random, 2.0, SIZE)};
    }

    /** The Rosenbrock function at n points, compiled, and a point to take its gradient at. */
    @State(Scope.Benchmark)
    public static class Rosenbrock {
        @Param({"1000", "100000"})
        public int n;

        final ReverseEngine reverse = new ReverseEngine();
        final ForwardEngine forward = new ForwardEngine();
        Compiled function;
        Tensor x;
        double[] xs;
        Tensor direction;

        @Setup
        public void setUp() {
            function = BenchmarkFunctions.rosenbrock(n);
            x = BenchmarkFunctions.random(new Random(3), 1.5, n);
            xs = x.values();
            direction = BenchmarkFunctions.random(new Random(4), 1.0, n);
        }
    }

    @Benchmark
    public Tensor[] productPlusSine() {
        return derivatives.evaluate(productPlusSine, pair);
    }

    @Benchmark
    public Tensor[] scalarBroadcastTimesTwo() {
        return derivatives.evaluate(timesTwo, single);
    }

    @Benchmark
    public Derivatives.Gradient rosenbrockGradient(Rosenbrock r) {
        return derivatives.gradient(r.reverse, r.function, new Tensor[] {r.x}, new int[] {0}, 0);
    }

    /** One forward-mode directional derivative: every op's linearize and its tangent product. */
    @Benchmark
    public Tensor[] rosenbrockForwardJvp(Rosenbrock r) {
        return derivatives.jvp(r.forward, r.function, new Tensor[] {r.x}, new int[] {0}, new Tensor[] {r.direction});
    }

    /** The same gradient written by hand: the bound that the engine's gradient is compared with. */
    @Benchmark
    public double[] rosenbrockGradientByHand(Rosenbrock r) {
        return HandWritten.rosenbrockGradient(r.xs);
    }
}
