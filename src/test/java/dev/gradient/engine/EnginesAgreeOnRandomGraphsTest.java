package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.Seeds;
import dev.gradient.testing.SmallestFailure;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward and reverse mode give the same derivatives, to rounding, on seeded random graphs
 * ({@link RandomGraphs}): Jacobians (reverse mode both by its tape and by its adjoint graph),
 * gradients, and Hessians both ways (forward over reverse,
 * reverse over reverse), which are also symmetric.
 *
 * <p>The seeds are fixed ({@link Seeds}), so every build checks the same graphs;
 * {@code -Dgradient.seed=<seed>} replays a failing seed first, or runs other graphs. A failure
 * names the seed and the smallest failing graph of that seed, step by step, with the point.
 */
class EnginesAgreeOnRandomGraphsTest {

    private static final int TRIES = 300;
    private static final int HESSIAN_TRIES = 200;
    private static final int MAX_SIZE = 25;
    private static final int MAX_HESSIAN_SIZE = 15;
    private static final double FIRST_ORDER_TOLERANCE = 1e-12;
    private static final double SECOND_ORDER_TOLERANCE = 1e-10;
    private static final int[] ALL_INPUTS = {0, 1, 2};

    private static final Engine FORWARD = new ForwardEngine();
    private static final Engine REVERSE = new ReverseEngine();
    private static final Engine ADJOINT_GRAPH = new AdjointGraphEngine();

    private final Derivatives derivatives = new Derivatives();

    static Stream<Long> seeds() {
        return Seeds.first(TRIES);
    }

    static Stream<Long> hessianSeeds() {
        return Seeds.first(HESSIAN_TRIES);
    }

    static Stream<Arguments> hessianEnginesAndSeeds() {
        return Stream.of(Named.of("forward over reverse", FORWARD), Named.of("reverse over reverse", REVERSE))
                .flatMap(engine -> hessianSeeds().map(seed -> Arguments.of(engine, seed)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reverseAndForwardAgreeOnRandomJacobians(long seed) {
        onRandomGraphs(seed, MAX_SIZE, false, (f, point) -> {
            Tensor[][] jf = derivatives.jacobian(FORWARD, f, point, ALL_INPUTS);
            Tensor[][] jr = derivatives.jacobian(REVERSE, f, point, ALL_INPUTS);
            Tensor[][] ja = derivatives.jacobian(ADJOINT_GRAPH, f, point, ALL_INPUTS);
            for (int j = 0; j < ALL_INPUTS.length; j++) {
                assertClose("d f / d x" + j, jf[0][j], jr[0][j], FIRST_ORDER_TOLERANCE);
                assertClose("d f / d x" + j + " by the adjoint graph", jf[0][j], ja[0][j], FIRST_ORDER_TOLERANCE);
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reverseAndForwardAgreeOnRandomGradients(long seed) {
        onRandomGraphs(seed, MAX_SIZE, true, (f, point) -> {
            Derivatives.Gradient gf = derivatives.gradient(FORWARD, f, point, ALL_INPUTS, 0);
            Derivatives.Gradient gr = derivatives.gradient(REVERSE, f, point, ALL_INPUTS, 0);
            assertThat(gf.value()).as("value").isEqualTo(gr.value());
            for (int j = 0; j < ALL_INPUTS.length; j++) {
                assertClose("d f / d x" + j, gf.gradient()[j], gr.gradient()[j], FIRST_ORDER_TOLERANCE);
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("hessianSeeds")
    void forwardOverReverseAndReverseOverReverseGiveTheSameHessian(long seed) {
        onRandomGraphs(seed, MAX_HESSIAN_SIZE, true, (f, point) -> {
            Tensor[][] hf = derivatives.hessian(FORWARD, f, point, ALL_INPUTS, 0).hessian();
            Tensor[][] hr = derivatives.hessian(REVERSE, f, point, ALL_INPUTS, 0).hessian();
            for (int i = 0; i < ALL_INPUTS.length; i++) {
                for (int j = 0; j < ALL_INPUTS.length; j++) {
                    assertClose("d2 f / d x" + i + " d x" + j, hf[i][j], hr[i][j], SECOND_ORDER_TOLERANCE);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("hessianEnginesAndSeeds")
    void hessiansAreSymmetricToRounding(Engine engine, long seed) {
        onRandomGraphs(seed, MAX_HESSIAN_SIZE, true, (f, point) -> {
            Tensor[][] h = derivatives.hessian(engine, f, point, ALL_INPUTS, 0).hessian();
            for (int i = 0; i < ALL_INPUTS.length; i++) {
                for (int j = 0; j <= i; j++) {
                    assertClose("d2 f / d x" + i + " d x" + j + " against the transpose of d2 f / d x" + j + " d x" + i,
                            h[i][j], transpose(h[j][i], point[j].size(), point[i].size(), h[i][j].shape()),
                            SECOND_ORDER_TOLERANCE);
                }
            }
        });
    }

    /** Checks {@code property} on the graph of {@code seed} and its point, reporting the smallest failing graph. */
    private static void onRandomGraphs(long seed, int maxSize, boolean scalar, BiConsumer<Compiled, Tensor[]> property) {
        Tensor[] point = RandomGraphs.point(seed);
        SmallestFailure.check(seed, Seeds.sizeOf(seed, maxSize),
                size -> RandomGraphs.graph(seed, size, scalar) + "\n" + RandomGraphs.describe(point),
                size -> property.accept(RandomGraphs.graph(seed, size, scalar).function(), point));
    }

    /** A Hessian block of {@code rows x cols} elements, flattened row-major, transposed into {@code shape}. */
    private static Tensor transpose(Tensor block, int rows, int cols, Shape shape) {
        double[] transposed = new double[block.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c * rows + r] = block.get(r * cols + c);
            }
        }
        return Tensor.of(shape, transposed);
    }

    /**
     * Each element of {@code actual} finite and within {@code relative} of {@code expected}'s,
     * relative to the larger and at least 1. Finite because the graphs are smooth where they are
     * evaluated: a NaN in both engines is a derivative rule's fault, not agreement.
     */
    private static void assertClose(String what, Tensor actual, Tensor expected, double relative) {
        assertThat(actual.shape()).as("shape of %s", what).isEqualTo(expected.shape());
        for (int i = 0; i < actual.size(); i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(actual.get(i)), Math.abs(expected.get(i))));
            assertThat(actual.get(i)).as("%s, element %d: %s vs %s", what, i, actual.get(i), expected.get(i))
                    .isFinite()
                    .isCloseTo(expected.get(i), within(relative * scale));
        }
    }
}
