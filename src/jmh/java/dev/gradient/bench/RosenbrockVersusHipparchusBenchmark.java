package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
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
 * Our reverse-mode gradient of the n-dimensional Rosenbrock function against Hipparchus
 * {@code DerivativeStructure} (order 1), the forward-mode AD a Java user would otherwise embed,
 * which carries all n partials through every operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RosenbrockVersusHipparchusBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int n;

    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();
    private Compiled rosenbrock;
    private Tensor x;

    @Setup
    public void setUp() {
        rosenbrock = BenchmarkFunctions.rosenbrock(n);
        x = BenchmarkFunctions.random(new Random(3), 1.5, n);
    }

    /**
     * Hipparchus's compiled derivative structure for n parameters, built only where its
     * benchmark runs: its compiler's tables grow faster than n squared, and at n = 10,000 it
     * does not fit in the heap at all, which must not stop our side from being measured.
     */
    @State(Scope.Benchmark)
    public static class Hipparchus {
        DSFactory factory;

        @Setup
        public void setUp(RosenbrockVersusHipparchusBenchmark benchmark) {
            factory = new DSFactory(benchmark.n, 1);
        }
    }

    @Benchmark
    public Derivatives.Gradient ours() {
        return derivatives.gradient(reverse, rosenbrock, new Tensor[] {x}, new int[] {0}, 0);
    }

    @Benchmark
    public double[] hipparchus(Hipparchus hipparchus) {
        DSFactory factory = hipparchus.factory;
        DerivativeStructure[] v = new DerivativeStructure[n];
        for (int i = 0; i < n; i++) {
            v[i] = factory.variable(i, x.get(i));
        }
        DerivativeStructure sum = factory.constant(0.0);
        for (int i = 0; i + 1 < n; i++) {
            DerivativeStructure a = v[i + 1].subtract(v[i].square());
            DerivativeStructure b = v[i].negate().add(1.0);
            sum = sum.add(a.square().multiply(100.0)).add(b.square());
        }
        return sum.getAllDerivatives();
    }
}
