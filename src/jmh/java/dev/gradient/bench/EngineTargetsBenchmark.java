package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Engine;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.Product;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.tensor.Tensor;
import java.util.List;
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
 * Every workload of issue 10's targets in one class, ours beside a hand-written Java loop where
 * the target names one, so that each ratio is measured in the same run: the Rosenbrock gradient
 * at n = 10, 1,000 and 100,000; the MLP loss 784-128-10 on a batch of 32, its gradient by every
 * weight and its primal; the 100,000-node scalar chain's gradient and primal (and a 10,000-node
 * one, the longest that JAX compiles in reasonable time); and a batch of 10,000 points of the
 * two-dimensional Rosenbrock function through {@link Derivatives#gradients}, as {@code POST
 * /gradient} runs a batch (a pointwise function: one sweep over vectors of the points), without
 * HTTP.
 *
 * <p>{@code bench/run.sh} runs it with JSON output and {@code bench/compare.py} puts its scores
 * beside PyTorch's and JAX's for the same workloads ({@code bench/peers.py}). Each hand-written
 * loop is checked against the engine's gradient in setup, so that it bounds the same
 * computation. Everything runs on the benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineTargetsBenchmark {

    /** The number of points in the batch workload. */
    static final int POINTS = 10_000;

    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();
    private final EngineRegistry engines = new EngineRegistry(List.of(new ForwardEngine(), reverse));

    private Compiled mlp;
    private Tensor[] mlpPoint;
    private Compiled rosenbrock2d;
    private Engine batchEngine;
    private Tensor[][] batch;
    private double[] batchXs;
    private double[] batchYs;

    @Setup
    public void setUp() {
        mlp = BenchmarkFunctions.mlp();
        mlpPoint = BenchmarkFunctions.mlpPoint(new Random(42));

        rosenbrock2d = BenchmarkFunctions.rosenbrock2d();
        int x = rosenbrock2d.inputIndex().get("x");
        int y = rosenbrock2d.inputIndex().get("y");
        // the engine that "auto" picks for a gradient request, decided once per request as the service does
        batchEngine = engines.auto(Product.GRADIENT, rosenbrock2d, new int[] {x, y});
        Random random = new Random(11);
        batch = new Tensor[POINTS][];
        batchXs = new double[POINTS];
        batchYs = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            batchXs[i] = 3 * random.nextDouble() - 1.5;
            batchYs[i] = 3 * random.nextDouble() - 1.5;
            batch[i] = new Tensor[2];
            batch[i][x] = Tensor.scalar(batchXs[i]);
            batch[i][y] = Tensor.scalar(batchYs[i]);
        }

        Derivatives.Gradient g = mlpGradient();
        HandWritten.MlpGradient hand = mlpGradientByHand();
        HandWritten.requireClose("MLP loss", new double[] {g.value().scalarValue()}, new double[] {hand.loss()});
        HandWritten.requireClose("MLP gradient by W1", g.gradient()[0].values(), hand.w1());
        HandWritten.requireClose("MLP gradient by b1", g.gradient()[1].values(), hand.b1());
        HandWritten.requireClose("MLP gradient by W2", g.gradient()[2].values(), hand.w2());
        HandWritten.requireClose("MLP gradient by b2", g.gradient()[3].values(), hand.b2());
        Derivatives.Gradient[] ours = batchGradient();
        double[] byHand = batchGradientByHand();
        double[] flat = new double[2 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            flat[2 * i] = ours[i].gradient()[x].scalarValue();
            flat[2 * i + 1] = ours[i].gradient()[y].scalarValue();
        }
        HandWritten.requireClose("2-D Rosenbrock batch gradients", flat, byHand);
    }

    /** The n-dimensional Rosenbrock function compiled for n, and a point to take its gradient at. */
    @State(Scope.Benchmark)
    public static class Rosenbrock {
        @Param({"10", "1000", "100000"})
        public int n;

        Compiled function;
        Tensor x;

        @Setup
        public void setUp() {
            function = BenchmarkFunctions.rosenbrock(n);
            x = BenchmarkFunctions.random(new Random(3), 1.5, n);
            Derivatives.Gradient g = new Derivatives().gradient(new ReverseEngine(), function, new Tensor[] {x}, new int[] {0}, 0);
            HandWritten.requireClose("Rosenbrock gradient at n = " + n, g.gradient()[0].values(),
                    HandWritten.rosenbrockGradient(x.values()));
        }
    }

    @Benchmark
    public Derivatives.Gradient rosenbrockGradient(Rosenbrock r) {
        return derivatives.gradient(reverse, r.function, new Tensor[] {r.x}, new int[] {0}, 0);
    }

    @Benchmark
    public double[] rosenbrockGradientByHand(Rosenbrock r) {
        return HandWritten.rosenbrockGradient(r.x.values());
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
    public HandWritten.MlpGradient mlpGradientByHand() {
        return HandWritten.mlpGradient(mlpPoint);
    }

    /**
     * The scalar chain of {@code size} ops. The target is at 100,000; 10,000 is there because JAX
     * cannot compile a longer unrolled chain in reasonable time, and peers.py measures it there.
     */
    @State(Scope.Benchmark)
    public static class Chain {
        @Param({"10000", "100000"})
        public int size;

        Compiled function;
        final Tensor[] point = BenchmarkFunctions.chainPoint();

        @Setup
        public void setUp() {
            function = BenchmarkFunctions.chain(size);
        }
    }

    // A call takes tens of milliseconds and its garbage is large: 2 s iterations, as ReverseOverheadBenchmark's.
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

    /** One call: the gradient at each of the 10,000 points, in order, on the engine "auto" picks. */
    @Benchmark
    public Derivatives.Gradient[] batchGradient() {
        return derivatives.gradients(batchEngine, rosenbrock2d, batch, new int[] {0, 1}, 0);
    }

    @Benchmark
    public double[] batchGradientByHand() {
        return HandWritten.rosenbrock2dGradients(batchXs, batchYs, new double[2 * POINTS]);
    }
}
