package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.DenseMatrices;
import dev.gradient.testing.Seeds;
import dev.gradient.testing.SparseFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hessian-vector products in both AD engines, at random seeded points and directions, against
 * the dense Hessian times the vector and against central differences of the gradient.
 */
class HessianVectorProductsTest {

    private static final int DIRECTIONS = 3;

    private final HessianVectorProducts hvp = new HessianVectorProducts();
    private final Derivatives derivatives = new Derivatives();
    private final List<Engine> engines = List.of(new ForwardEngine(), new ReverseEngine());

    /** {@code sum(tanh(W x)) * sum(x^2) + sum(W^3)}: two inputs, a matrix product, a dense Hessian. */
    private static Compiled twoInputs() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int w = b.input("W", Shape.of(2, 3));
        int x = b.input("x", Shape.of(3));
        int mixed = b.call("mul", b.call("sum", b.call("tanh", b.call("matmul", w, x))), b.call("sum", b.call("square", x)));
        int f = b.call("add", mixed, b.call("sum", b.call("pow", w, b.constant(3.0))));
        return new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
    }

    static Stream<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        Seeds.first(3).forEach(seed -> {
            cases.add(new Object[] {"W and x", twoInputs(), seed});
            for (SparseFunctions.Case c : SparseFunctions.scalarSuite()) {
                cases.add(new Object[] {c.name(), c.function(), seed});
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("cases")
    void productsEqualTheDenseHessianTimesTheVector(String name, Compiled f, long seed) {
        Random random = new Random(seed);
        int[] wrt = all(f);
        Tensor[] point = randomLike(f, random);
        Tensor[][] tangents = Stream.generate(() -> randomLike(f, random)).limit(DIRECTIONS).toArray(Tensor[][]::new);
        double[][] hessian = DenseMatrices.matrix(derivatives.hessian(new ForwardEngine(), f, point, wrt, 0).hessian(), sizes(f), sizes(f));
        for (Engine engine : engines) {
            HessianVectorProducts.Result result = hvp.hvp(engine, f, point, wrt, 0, tangents);
            for (int d = 0; d < DIRECTIONS; d++) {
                double[] expected = DenseMatrices.times(hessian, DenseMatrices.flatten(tangents[d]));
                double[] actual = DenseMatrices.flatten(result.products()[d]);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("%s by %s, seed %d, direction %d, element %d", name, engine.name(), seed, d, i)
                            .isCloseTo(expected[i], within(1e-11 * (1 + Math.abs(expected[i]))));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("cases")
    void productsEqualDifferencesOfTheGradient(String name, Compiled f, long seed) {
        Random random = new Random(seed);
        int[] wrt = all(f);
        Tensor[] point = randomLike(f, random);
        Tensor[] tangent = randomLike(f, random);
        double h = 1e-6;
        double[] ahead = DenseMatrices.flatten(derivatives.gradient(new ReverseEngine(), f, shifted(point, tangent, h), wrt, 0).gradient());
        double[] behind = DenseMatrices.flatten(derivatives.gradient(new ReverseEngine(), f, shifted(point, tangent, -h), wrt, 0).gradient());
        for (Engine engine : engines) {
            double[] actual = DenseMatrices.flatten(hvp.hvp(engine, f, point, wrt, 0, new Tensor[][] {tangent}).products()[0]);
            for (int i = 0; i < actual.length; i++) {
                double difference = (ahead[i] - behind[i]) / (2 * h);
                assertThat(actual[i]).as("%s by %s, seed %d, element %d", name, engine.name(), seed, i)
                        .isCloseTo(difference, within(1e-5 * (1 + Math.abs(difference))));
            }
        }
    }

    @Test
    void theResultCarriesTheValueAndTheGradient() {
        Compiled f = twoInputs();
        Random random = new Random(Seeds.DEFAULT_BASE);
        Tensor[] point = randomLike(f, random);
        Derivatives.Gradient expected = derivatives.gradient(new ReverseEngine(), f, point, all(f), 0);
        HessianVectorProducts.Result result = hvp.hvp(new ForwardEngine(), f, point, all(f), 0, new Tensor[][] {randomLike(f, random)});
        assertThat(result.value()).isEqualTo(expected.value());
        assertThat(DenseMatrices.flatten(result.gradient())).containsExactly(DenseMatrices.flatten(expected.gradient()));
    }

    @Test
    void aProductCostsAConstantTimesAGradientWhateverTheSize() {
        for (int n : new int[] {10, 1000, 100_000}) {
            Compiled f = SparseFunctions.chainedRosenbrock(n).function();
            long gradient = CostModel.estimate(Product.GRADIENT, new ReverseEngine(), f, new int[] {0}).elementOperations();
            for (Engine engine : engines) {
                long product = HessianVectorProducts.estimate(engine, f, new int[] {0}, 0, 1).elementOperations();
                assertThat(product).as("n=%d by %s", n, engine.name()).isLessThan(12 * gradient);
            }
        }
    }

    @Test
    void autoIsForwardOverReverse() {
        EngineRegistry registry = new EngineRegistry(List.of(new ReverseEngine(), new NumericEngine(), new ForwardEngine()));
        assertThat(HessianVectorProducts.auto(registry).name()).isEqualTo("forward");
    }

    private static int[] all(Compiled f) {
        int[] wrt = new int[f.inputNames().size()];
        for (int j = 0; j < wrt.length; j++) {
            wrt[j] = j;
        }
        return wrt;
    }

    private static long[] sizes(Compiled f) {
        long[] sizes = new long[f.inputNames().size()];
        for (int j = 0; j < sizes.length; j++) {
            sizes[j] = f.graph().shape(f.graph().inputs().get(j)).size();
        }
        return sizes;
    }

    private static Tensor[] randomLike(Compiled f, Random random) {
        return DenseMatrices.random(Jacobians.inputShapes(f.graph(), all(f)), random);
    }

    private static Tensor[] shifted(Tensor[] point, Tensor[] direction, double step) {
        Tensor[] moved = new Tensor[point.length];
        for (int j = 0; j < point.length; j++) {
            double[] v = point[j].values().clone();
            for (int e = 0; e < v.length; e++) {
                v[e] += step * direction[j].get(e);
            }
            moved[j] = Tensor.of(point[j].shape(), v);
        }
        return moved;
    }
}
