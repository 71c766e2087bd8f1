package dev.gradient.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.DenseMatrices;
import dev.gradient.testing.PatternChecks;
import dev.gradient.testing.Seeds;
import dev.gradient.testing.SparseFunctions;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jacobian and Hessian patterns of composed functions (banded, arrowhead, chained Rosenbrock,
 * random sparse) equal the union of the non-zeros of the dense derivatives at random seeded
 * points: nothing missed, nothing structural to spare. And the propagation is priced before it runs.
 */
class PatternsOfComposedFunctionsTest {

    private static final int POINTS = 3;

    private final Derivatives derivatives = new Derivatives();

    static Stream<SparseFunctions.Case> scalarSuite() {
        return SparseFunctions.scalarSuite().stream();
    }

    static Stream<SparseFunctions.Case> vectorSuite() {
        return SparseFunctions.vectorSuite().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarSuite")
    void hessianPatternIsTheUnionOfTheNonzeros(SparseFunctions.Case c) {
        Compiled f = c.function();
        long n = inputSize(f);
        SparsityPattern pattern = HessianSparsity.of(f, new int[] {0}, 0, Long.MAX_VALUE);
        boolean[][] seen = new boolean[(int) n][(int) n];
        Random random = new Random(Seeds.DEFAULT_BASE);
        for (int p = 0; p < POINTS; p++) {
            Tensor[] point = DenseMatrices.random(new Shape[] {Shape.of((int) n)}, random);
            double[][] hessian = DenseMatrices.matrix(derivatives.hessian(new ForwardEngine(), f, point, new int[] {0}, 0).hessian(),
                    new long[] {n}, new long[] {n});
            PatternChecks.assertWithin(pattern, hessian, seen, c.name());
        }
        PatternChecks.assertEverySeen(pattern, seen, c.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSuite")
    void jacobianPatternIsTheUnionOfTheNonzeros(SparseFunctions.Case c) {
        Compiled f = c.function();
        long n = inputSize(f);
        long m = f.graph().shape(f.graph().outputs().get(0)).size();
        SparsityPattern pattern = JacobianSparsity.of(f, new int[] {0}, new int[] {0}, Long.MAX_VALUE);
        boolean[][] seen = new boolean[(int) m][(int) n];
        Random random = new Random(Seeds.DEFAULT_BASE);
        for (int p = 0; p < POINTS; p++) {
            Tensor[] point = DenseMatrices.random(new Shape[] {Shape.of((int) n)}, random);
            double[][] jacobian = DenseMatrices.matrix(derivatives.jacobian(new ForwardEngine(), f, point, new int[] {0}),
                    new long[] {m}, new long[] {n});
            PatternChecks.assertWithin(pattern, jacobian, seen, c.name());
        }
        PatternChecks.assertEverySeen(pattern, seen, c.name());
    }

    @Test
    void theChainedRosenbrockHessianIsTridiagonal() {
        int n = 1000;
        SparsityPattern pattern = HessianSparsity.of(SparseFunctions.chainedRosenbrock(n).function(), new int[] {0}, 0, Long.MAX_VALUE);
        assertThat(pattern.nonzeros()).isEqualTo(3 * n - 2);
        assertThat(pattern.contains(500, 501)).isTrue();
        assertThat(pattern.contains(500, 502)).isFalse();
    }

    @Test
    void aPatternOverTheCostLimitIsRefusedBeforeItRuns() {
        Compiled f = SparseFunctions.chainedRosenbrock(100_000).function();
        long cost = JacobianSparsity.cost(f, new int[] {0}, new int[] {0});
        assertThatThrownBy(() -> JacobianSparsity.of(f, new int[] {0}, new int[] {0}, cost - 1))
                .isInstanceOfSatisfying(GradientException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.limit()).isEqualTo("gradient.limits.max-cost");
                });
        assertThat(JacobianSparsity.of(f, new int[] {0}, new int[] {0}, cost).nonzeros()).isEqualTo(100_000);
        // the bound is linear in n here, not quadratic: sets stay small
        assertThat(cost).isLessThan(100L * 100_000);
    }

    static long inputSize(Compiled f) {
        return f.graph().shape(f.graph().inputs().get(0)).size();
    }
}
