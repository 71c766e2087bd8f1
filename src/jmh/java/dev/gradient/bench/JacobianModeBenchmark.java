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
 * Forward versus reverse Jacobians of {@code tanh(A @ x) * 2 + sin(x[0])} on square (64 to 64),
 * wide (256 inputs to 4 outputs) and tall (4 inputs to 256 outputs) functions: forward mode
 * should win where there are fewer inputs than outputs, reverse mode otherwise, which is what
 * {@code "auto"} picks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JacobianModeBenchmark {

    @Param({"square", "wide", "tall"})
    public String shape;

    private final Derivatives derivatives = new Derivatives();
    private final ForwardEngine forward = new ForwardEngine();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled f;
    private Tensor[] point;

    @Setup
    public void setUp() {
        int outputs = shape.equals("wide") ? 4 : shape.equals("tall") ? 256 : 64;
        int inputs = shape.equals("wide") ? 256 : shape.equals("tall") ? 4 : 64;
        f = BenchmarkFunctions.expression("tanh(A @ x) * 2 + sin(x[0])", Shape.of(outputs, inputs), Shape.of(inputs));
        Random random = new Random(7);
        point = new Tensor[] {BenchmarkFunctions.random(random, 0.5, outputs, inputs), BenchmarkFunctions.random(random, 1.0, inputs)};
    }

    @Benchmark
    public Tensor[][] forward() {
        return derivatives.jacobian(forward, f, point, new int[] {1});
    }

    @Benchmark
    public Tensor[][] reverse() {
        return derivatives.jacobian(reverse, f, point, new int[] {1});
    }
}
