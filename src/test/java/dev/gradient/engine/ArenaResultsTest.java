package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Results outlive the arena they were computed in: a value or gradient returned by {@link
 * Derivatives} keeps its numbers while later computations of the same function on the same
 * thread reuse the arrays (the build fills every array given back with NaN, so a result that
 * shared one would change), and a batch's gradients are each their own.
 */
class ArenaResultsTest {

    private static final int N = 3000;

    private final Derivatives derivatives = new Derivatives();

    /** sum(100 (x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2) and its value, over vectors long enough for any arena. */
    private static Compiled rosenbrock() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(N));
        int head = b.call("slice", Attrs.of("spec", ":-1"), x);
        int tail = b.call("slice", Attrs.of("spec", "1:"), x);
        int sq = b.call("mul", head, head);
        int d = b.call("sub", tail, sq);
        int e = b.call("sub", b.constant(1.0), head);
        int terms = b.call("add", b.call("mul", b.constant(100.0), b.call("mul", d, d)), b.call("mul", e, e));
        int f = b.call("sum", terms);
        return new Compiled(b.build(List.of(f, terms), List.of("f", "terms")), BuildLimits.NONE);
    }

    private static double[] byHand(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double d = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * d - 2 * (1 - x[i]);
            g[i + 1] += 200 * d;
        }
        return g;
    }

    private static Tensor point(long seed) {
        Random random = new Random(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        return Tensor.of(Shape.of(N), x);
    }

    @Test
    void resultsKeepTheirNumbersWhileLaterRunsReuseTheArrays() {
        Compiled f = rosenbrock();
        for (Engine engine : List.of(new ReverseEngine(), new ForwardEngine())) {
            Tensor x = point(1);
            Derivatives.Gradient first = derivatives.gradient(engine, f, new Tensor[] {x}, new int[] {0}, 0);
            Tensor[] outputs = derivatives.evaluate(f, new Tensor[] {x});
            double[] gradient = first.gradient()[0].values().clone();
            double[] terms = outputs[1].values().clone();
            for (long seed = 2; seed < 6; seed++) {
                derivatives.gradient(engine, f, new Tensor[] {point(seed)}, new int[] {0}, 0);
                derivatives.evaluate(f, new Tensor[] {point(seed)});
            }
            assertThat(first.gradient()[0].values()).containsExactly(gradient);
            assertThat(outputs[1].values()).containsExactly(terms);
            double[] expected = byHand(x.values());
            for (int i = 0; i < N; i++) {
                assertThat(gradient[i]).as("%s gradient[%d]", engine.name(), i)
                        .isCloseTo(expected[i], within(1e-11 * (1 + Math.abs(expected[i]))));
            }
        }
    }

    @Test
    void aBatchsGradientsAreEachTheirOwn() {
        Compiled f = rosenbrock();
        Tensor[][] points = new Tensor[5][];
        for (int p = 0; p < points.length; p++) {
            points[p] = new Tensor[] {point(10 + p)};
        }
        Derivatives.Gradient[] batch = derivatives.gradients(new ReverseEngine(), f, points, new int[] {0}, 0);
        for (int p = 0; p < points.length; p++) {
            Derivatives.Gradient alone = derivatives.gradient(new ReverseEngine(), f, points[p], new int[] {0}, 0);
            assertThat(batch[p].gradient()[0].values()).as("point %d", p).containsExactly(alone.gradient()[0].values());
            assertThat(batch[p].value().values()).containsExactly(alone.value().values());
            assertThat(Arrays.stream(batch[p].gradient()[0].values()).anyMatch(Double::isNaN)).isFalse();
        }
    }
}
