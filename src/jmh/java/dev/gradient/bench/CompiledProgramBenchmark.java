package dev.gradient.bench;

import dev.gradient.codegen.Compilation;
import dev.gradient.codegen.CompileSettings;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
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
 * The compiled programs (issue 10, part 3) against the interpreter: the same functions, built
 * with compilation off ({@code path=interpreted}) or with every program compiled at its first run
 * ({@code path=compiled}, fused loops and all, the reverse pass's adjoint program too). The
 * Rosenbrock primal and reverse-mode gradient at two sizes, and {@code a * b + sin(a)} over
 * 10^5 elements.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompiledProgramBenchmark {

    private static final int SIZE = 100_000;

    @Param({"interpreted", "compiled"})
    public String path;

    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled productPlusSine;
    private Tensor[] pair;

    /** The Rosenbrock function at n points and a point, on the path of the enclosing state. */
    @State(Scope.Benchmark)
    public static class Rosenbrock {
        @Param({"1000", "100000"})
        public int n;

        Compiled function;
        Tensor[] x;

        @Setup
        public void setUp(CompiledProgramBenchmark b) {
            function = b.onPath(() -> BenchmarkFunctions.rosenbrock(n));
            x = new Tensor[] {BenchmarkFunctions.random(new Random(3), 1.5, n)};
            // the first runs make (and on the compiled path compile) the primal and adjoint programs
            b.onPath(() -> b.derivatives.gradient(b.reverse, function, x, new int[] {0}, 0));
        }
    }

    @Setup
    public void setUp() {
        productPlusSine = onPath(() -> BenchmarkFunctions.expression("a * b + sin(a)", Shape.of(SIZE), Shape.of(SIZE)));
        Random random = new Random(5);
        pair = new Tensor[] {BenchmarkFunctions.random(random, 2.0, SIZE), BenchmarkFunctions.random(random, 2.0, SIZE)};
        onPath(() -> derivatives.evaluate(productPlusSine, pair));
    }

    /** {@code work} with this path's compilation shared: what its functions and reverse passes are made with. */
    <T> T onPath(java.util.function.Supplier<T> work) {
        boolean compiled = path.equals("compiled");
        Compilation previous = Compilation.install(
                Compilation.onCallingThread(new CompileSettings(compiled, 0, 10_000, 1_000_000, 1)));
        try {
            return work.get();
        } finally {
            Compilation.install(previous);
        }
    }

    @Benchmark
    public Tensor[] productPlusSine() {
        return derivatives.evaluate(productPlusSine, pair);
    }

    @Benchmark
    public Tensor[] rosenbrockPrimal(Rosenbrock r) {
        return derivatives.evaluate(r.function, r.x);
    }

    @Benchmark
    public Derivatives.Gradient rosenbrockGradient(Rosenbrock r) {
        return derivatives.gradient(reverse, r.function, r.x, new int[] {0}, 0);
    }
}
