package dev.gradient.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.HessianVectorProducts;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.Attrs;
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
 * Sparse Jacobians (column colouring with forward mode, row colouring with reverse mode) and
 * sparse Hessians (star colouring, Hessian-vector products in both engines) recovered from
 * compressed products equal the engines' dense derivatives to rounding, at random seeded points,
 * and are zero nowhere the dense one is not.
 */
class SparseDerivativesTest {

    private static final List<Engine> ENGINES = List.of(new ForwardEngine(), new ReverseEngine());

    private final Derivatives derivatives = new Derivatives();
    private final SparseDerivatives sparse = new SparseDerivatives(new HessianVectorProducts());

    /** Two inputs, two outputs: {@code [sin(x) * y[0], x[1:] * y[1:]]} and {@code exp(y) + x[0]}. */
    private static SparseFunctions.Case twoByTwo() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(3));
        int y = b.input("y", Shape.of(3));
        int first = b.call("concat", Attrs.of("axis", 0), b.call("mul", b.call("sin", x), b.call("slice", Attrs.of("spec", "0"), y)),
                b.call("mul", b.call("slice", Attrs.of("spec", "1:"), x), b.call("slice", Attrs.of("spec", "1:"), y)));
        int second = b.call("add", b.call("exp", y), b.call("slice", Attrs.of("spec", "0"), x));
        int scalar = b.call("add", b.call("sum", b.call("square", first)), b.call("sum", b.call("mul", second, second)));
        return new SparseFunctions.Case("two inputs, two outputs",
                new Compiled(b.build(List.of(first, second, scalar), List.of("F", "G", "s")), BuildLimits.NONE), false);
    }

    static Stream<Object[]> jacobianCases() {
        List<Object[]> cases = new ArrayList<>();
        for (SparseFunctions.Case c : SparseFunctions.vectorSuite()) {
            cases.add(new Object[] {c, new int[] {0}});
        }
        cases.add(new Object[] {twoByTwo(), new int[] {0, 1}});
        return cases.stream();
    }

    static Stream<SparseFunctions.Case> scalarSuite() {
        return SparseFunctions.scalarSuite().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jacobianCases")
    void sparseJacobiansEqualDenseOnes(SparseFunctions.Case c, int[] outputs) {
        Compiled f = c.function();
        int[] wrt = all(f.inputNames().size());
        Random random = new Random(Seeds.DEFAULT_BASE);
        for (int p = 0; p < 2; p++) {
            Tensor[] point = DenseMatrices.random(shapes(f), random);
            double[][] dense = denseJacobian(f, point, wrt, outputs);
            for (Engine engine : ENGINES) {
                SparsePlan plan = sparse.jacobianPlan(engine, f, wrt, outputs, Long.MAX_VALUE);
                assertThat(plan.mode()).isEqualTo(engine.name().equals("forward") ? SparsePlan.Mode.COLUMNS : SparsePlan.Mode.ROWS);
                SparseDerivatives.SparseJacobian result = sparse.jacobian(engine, f, point, wrt, outputs, plan);
                assertEqualsDense(result.jacobian(), dense, c.name() + " by " + engine.name() + " at point " + p);
                for (int k = 0; k < outputs.length; k++) {
                    assertThat(result.outputs()[k]).isEqualTo(derivatives.evaluate(f, point)[outputs[k]]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarSuite")
    void sparseHessiansEqualDenseOnes(SparseFunctions.Case c) {
        assertSparseHessian(c.function(), new int[] {0}, 0, c.name());
    }

    @Test
    void aSparseHessianOverTwoInputsEqualsTheDenseOne() {
        assertSparseHessian(twoByTwo().function(), new int[] {0, 1}, 2, "two inputs");
    }

    @Test
    void plansAreMadeOncePerFunctionAndChoice() {
        Compiled f = SparseFunctions.banded(30).function();
        SparsePlan first = sparse.hessianPlan(f, new int[] {0}, 0, Long.MAX_VALUE);
        assertThat(sparse.hessianPlan(f, new int[] {0}, 0, Long.MAX_VALUE)).isSameAs(first);
        assertThat(first.sweeps()).isEqualTo(5);
        assertThat(first.lowerBound()).isEqualTo(5);
    }

    @Test
    void aSparseHessianCostsItsColoursInProductsNotItsSizeSquared() {
        Engine forward = new ForwardEngine();
        for (int n : new int[] {1000, 100_000}) {
            Compiled f = SparseFunctions.banded(n).function();
            SparsePlan plan = sparse.hessianPlan(f, new int[] {0}, 0, Long.MAX_VALUE);
            long one = HessianVectorProducts.estimate(forward, f, new int[] {0}, 0, 1).elementOperations();
            long all = SparseDerivatives.hessianCost(forward, f, new int[] {0}, 0, plan).elementOperations();
            assertThat(all).as("n=%d", n).isLessThan((plan.sweeps() + 2L) * one);
            assertThat(SparseDerivatives.hessianCost(forward, f, new int[] {0}, 0, plan).resultElements()).isLessThan(10L * n);
        }
    }

    private void assertSparseHessian(Compiled f, int[] wrt, int output, String label) {
        Random random = new Random(Seeds.DEFAULT_BASE);
        SparsePlan plan = sparse.hessianPlan(f, wrt, output, Long.MAX_VALUE);
        for (int p = 0; p < 2; p++) {
            Tensor[] point = DenseMatrices.random(shapes(f), random);
            long[] sizes = sizes(f, wrt);
            double[][] dense = DenseMatrices.matrix(derivatives.hessian(new ForwardEngine(), f, point, wrt, output).hessian(), sizes, sizes);
            for (Engine engine : ENGINES) {
                SparseDerivatives.SparseHessian result = sparse.hessian(engine, f, point, wrt, output, plan);
                assertEqualsDense(result.hessian(), dense, label + " by " + engine.name() + " at point " + p + ", "
                        + plan.sweeps() + " colours");
                assertThat(result.value()).isEqualTo(derivatives.gradient(engine, f, point, wrt, output).value());
            }
        }
    }

    /** Every entry of the sparse matrix equals the dense one to rounding, and the dense one is zero off the pattern. */
    private static void assertEqualsDense(SparseMatrix matrix, double[][] dense, String label) {
        SparsityPattern pattern = matrix.pattern();
        assertThat(pattern.rowCount()).as(label).isEqualTo(dense.length);
        int[] rows = pattern.rows();
        int[] cols = pattern.cols();
        double[] values = matrix.values();
        double[][] rebuilt = new double[dense.length][pattern.columnCount()];
        for (int k = 0; k < values.length; k++) {
            rebuilt[rows[k]][cols[k]] = values[k];
        }
        for (int r = 0; r < dense.length; r++) {
            for (int col = 0; col < dense[r].length; col++) {
                assertThat(rebuilt[r][col]).as("%s: entry (%d, %d)", label, r, col)
                        .isCloseTo(dense[r][col], within(1e-12 * (1 + Math.abs(dense[r][col]))));
            }
        }
    }

    private double[][] denseJacobian(Compiled f, Tensor[] point, int[] wrt, int[] outputs) {
        Tensor[][] all = derivatives.jacobian(new ForwardEngine(), f, point, wrt);
        Tensor[][] chosen = new Tensor[outputs.length][];
        long[] rows = new long[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            chosen[k] = all[outputs[k]];
            rows[k] = f.graph().shape(f.graph().outputs().get(outputs[k])).size();
        }
        return DenseMatrices.matrix(chosen, rows, sizes(f, wrt));
    }

    private static Shape[] shapes(Compiled f) {
        return f.graph().inputs().stream().map(i -> f.graph().shape(i)).toArray(Shape[]::new);
    }

    private static long[] sizes(Compiled f, int[] wrt) {
        long[] sizes = new long[wrt.length];
        for (int j = 0; j < wrt.length; j++) {
            sizes[j] = f.graph().shape(f.graph().inputs().get(wrt[j])).size();
        }
        return sizes;
    }

    private static int[] all(int n) {
        int[] indices = new int[n];
        for (int j = 0; j < n; j++) {
            indices[j] = j;
        }
        return indices;
    }
}
