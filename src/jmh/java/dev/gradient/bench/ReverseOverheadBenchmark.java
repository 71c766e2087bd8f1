package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
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
        chain = chain(100_000);
        chainPoint = new Tensor[] {Tensor.scalar(0.3), Tensor.scalar(-0.7), Tensor.scalar(1.1), Tensor.scalar(0.5)};
        Random random = new Random(42);
        mlp = BenchmarkFunctions.expression(
                "-mean(sum(t * log_softmax(tanh(X @ transpose(W1) + b1) @ transpose(W2) + b2), axis=1))",
                Shape.of(32, 10), Shape.of(32, 784), Shape.of(128, 784), Shape.of(128), Shape.of(10, 128), Shape.of(10));
        double[] oneHot = new double[320];
        for (int row = 0; row < 32; row++) {
            oneHot[row * 10 + random.nextInt(10)] = 1.0;
        }
        mlpPoint = new Tensor[] {Tensor.of(Shape.of(32, 10), oneHot), BenchmarkFunctions.random(random, 1.0, 32, 784),
            BenchmarkFunctions.random(random, 0.05, 128, 784), BenchmarkFunctions.random(random, 0.05, 128),
            BenchmarkFunctions.random(random, 0.1, 10, 128), BenchmarkFunctions.random(random, 0.1, 10)};
    }

    /** A scalar graph of {@code size} ops over four inputs, each node mixing the last and an earlier one. */
    static Compiled chain(int size) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int[] nodes = new int[size + 4];
        for (int i = 0; i < 4; i++) {
            nodes[i] = b.input("x" + i, Shape.SCALAR);
        }
        String[] ops = {"mul", "add", "sin", "sub", "tanh"};
        for (int i = 4; i < nodes.length; i++) {
            String op = ops[i % ops.length];
            int last = nodes[i - 1];
            int earlier = nodes[i - 1 - (i * 7919) % Math.min(i, 16)];
            nodes[i] = op.equals("sin") || op.equals("tanh") ? b.call(op, last) : b.call(op, last, earlier);
        }
        return new Compiled(b.build(List.of(nodes[nodes.length - 1]), List.of("f")), BuildLimits.NONE);
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
