package dev.gradient.bench;

import dev.gradient.codegen.Compilation;
import dev.gradient.codegen.CompileSettings;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * Issue 10 item 3's reverse part, before and after in one run: the same hot functions (every
 * program compiled at its first run, as a hot graph's are) with the first-order reverse sweep on
 * the interpreted tape ({@code sweep=tape}, the code before) or on the compiled adjoint program
 * with its fused loops ({@code sweep=compiled}). The Rosenbrock gradient at n = 10, 1,000 and
 * 100,000 beside the hand-written loop, the MLP 784-128-10 gradient and primal, and the
 * 100,000-node scalar chain's gradient and primal (whose adjoint is past {@code max-nodes}, so
 * both paths run the tape there: the rows show the machine's noise). The MLP has matrix products,
 * whose sweeps stay on the tape since they measured slower compiled here (docs/PERFORMANCE.md),
 * so its two rows now run the same code too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FusedReverseBenchmark {

    @Param({"tape", "compiled"})
    public String sweep;

    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled mlp;
    private Tensor[] mlpPoint;

    /** The Rosenbrock function at n, made on the sweep of the enclosing state. */
    @State(Scope.Benchmark)
    public static class Rosenbrock {
        @Param({"10", "1000", "100000"})
        public int n;

        Compiled function;
        Tensor[] x;

        @Setup
        public void setUp(FusedReverseBenchmark b) {
            function = b.onPath(() -> BenchmarkFunctions.rosenbrock(n));
            x = new Tensor[] {BenchmarkFunctions.random(new Random(3), 1.5, n)};
            Derivatives.Gradient g = b.onPath(() -> b.derivatives.gradient(b.reverse, function, x, new int[] {0}, 0));
            HandWritten.requireClose("Rosenbrock gradient at n = " + n, g.gradient()[0].values(),
                    HandWritten.rosenbrockGradient(x[0].values()));
        }
    }

    /** The 100,000-node scalar chain, made on the sweep of the enclosing state. */
    @State(Scope.Benchmark)
    public static class Chain {
        Compiled function;
        final Tensor[] point = BenchmarkFunctions.chainPoint();

        @Setup
        public void setUp(FusedReverseBenchmark b) {
            function = b.onPath(() -> BenchmarkFunctions.chain(100_000));
            b.onPath(() -> b.derivatives.gradient(b.reverse, function, point, BenchmarkFunctions.range(4), 0));
        }
    }

    @Setup
    public void setUp() {
        mlp = onPath(BenchmarkFunctions::mlp);
        mlpPoint = BenchmarkFunctions.mlpPoint(new Random(42));
        Derivatives.Gradient g = onPath(this::mlpGradient);
        HandWritten.MlpGradient hand = HandWritten.mlpGradient(mlpPoint);
        HandWritten.requireClose("MLP gradient by W1", g.gradient()[0].values(), hand.w1());
        HandWritten.requireClose("MLP gradient by b2", g.gradient()[3].values(), hand.b2());
    }

    /** {@code work} with this sweep's compilation shared: what its functions and reverse passes are made with. */
    <T> T onPath(Supplier<T> work) {
        CompileSettings hot = new CompileSettings(true, 0, CompileSettings.DEFAULTS.maxNodes(),
                CompileSettings.DEFAULTS.cacheNodes(), 1, sweep.equals("compiled"));
        Compilation previous = Compilation.install(Compilation.onCallingThread(hot));
        try {
            return work.get();
        } finally {
            Compilation.install(previous);
        }
    }

    @Benchmark
    public Derivatives.Gradient rosenbrockGradient(Rosenbrock r) {
        return derivatives.gradient(reverse, r.function, r.x, new int[] {0}, 0);
    }

    @Benchmark
    public double[] rosenbrockGradientByHand(Rosenbrock r) {
        return HandWritten.rosenbrockGradient(r.x[0].values());
    }

    @Benchmark
    public Derivatives.Gradient mlpGradient() {
        return derivatives.gradient(reverse, mlp, mlpPoint, new int[] {2, 3, 4, 5}, 0);
    }

    @Benchmark
    public Tensor[] mlpPrimal() {
        return derivatives.evaluate(mlp, mlpPoint);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Derivatives.Gradient chainGradient(Chain c) {
        return derivatives.gradient(reverse, c.function, c.point, BenchmarkFunctions.range(4), 0);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Tensor[] chainPrimal(Chain c) {
        return derivatives.evaluate(c.function, c.point);
    }
}
