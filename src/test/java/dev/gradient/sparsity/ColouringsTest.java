package dev.gradient.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.GradientException;
import dev.gradient.testing.Seeds;
import dev.gradient.testing.SparseFunctions;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Colourings of the test suite's patterns and of random patterns are valid by an independent
 * checker ({@link ColouringChecker}); column and row colourings use at least as many colours as
 * the largest row (column) degree, and reach it where that is known to be optimal; each
 * function's colours are printed beside that bound.
 */
class ColouringsTest {

    static Stream<SparseFunctions.Case> vectorSuite() {
        return SparseFunctions.vectorSuite().stream();
    }

    static Stream<SparseFunctions.Case> scalarSuite() {
        return SparseFunctions.scalarSuite().stream();
    }

    static Stream<Long> seeds() {
        return Seeds.first(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSuite")
    void jacobianColouringsAreValidAndAtLeastTheRowDegree(SparseFunctions.Case c) {
        SparsityPattern pattern = JacobianSparsity.of(c.function(), new int[] {0}, new int[] {0}, Long.MAX_VALUE);
        Colouring columns = Colourings.columns(pattern, Long.MAX_VALUE);
        Colouring rows = Colourings.rows(pattern, Long.MAX_VALUE);
        assertThat(ColouringChecker.columnConflict(pattern, columns)).as(c.name()).isNull();
        assertThat(ColouringChecker.columnConflict(pattern.transpose(), rows)).as(c.name()).isNull();
        assertThat(columns.count()).as(c.name()).isGreaterThanOrEqualTo(pattern.maxRowDegree());
        assertThat(rows.count()).as(c.name()).isGreaterThanOrEqualTo(pattern.transpose().maxRowDegree());
        System.out.printf("%s: %d x %d, %d entries; columns %d colours (max row degree %d), rows %d colours (max column degree %d)%n",
                c.name(), pattern.rowCount(), pattern.columnCount(), pattern.nonzeros(), columns.count(), pattern.maxRowDegree(),
                rows.count(), pattern.transpose().maxRowDegree());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarSuite")
    void hessianStarColouringsAreValid(SparseFunctions.Case c) {
        SparsityPattern pattern = HessianSparsity.of(c.function(), new int[] {0}, 0, Long.MAX_VALUE);
        Colouring star = Colourings.star(pattern, Long.MAX_VALUE);
        assertThat(ColouringChecker.starConflict(pattern, star)).as(c.name()).isNull();
        Colouring columns = Colourings.columns(pattern, Long.MAX_VALUE);
        assertThat(star.count()).as("%s: a star colouring needs no more colours than a distance-2 one", c.name())
                .isLessThanOrEqualTo(columns.count());
        System.out.printf("%s: %d x %d, %d entries; star %d colours, distance-2 %d (max row degree %d)%n", c.name(),
                pattern.rowCount(), pattern.columnCount(), pattern.nonzeros(), star.count(), columns.count(), pattern.maxRowDegree());
    }

    @Test
    void knownOptimaAreReached() {
        SparsityPattern tridiagonal = JacobianSparsity.of(SparseFunctions.bandedVector(50).function(), new int[] {0}, new int[] {0},
                Long.MAX_VALUE);
        assertThat(Colourings.columns(tridiagonal, Long.MAX_VALUE).count()).isEqualTo(3);
        SparsityPattern arrow = JacobianSparsity.of(SparseFunctions.arrowheadVector(50).function(), new int[] {0}, new int[] {0},
                Long.MAX_VALUE);
        assertThat(Colourings.columns(arrow, Long.MAX_VALUE).count()).isEqualTo(2);
        SparsityPattern arrowHessian = HessianSparsity.of(SparseFunctions.arrowhead(50).function(), new int[] {0}, 0, Long.MAX_VALUE);
        assertThat(Colourings.star(arrowHessian, Long.MAX_VALUE).count()).isEqualTo(2);
        SparsityPattern path = HessianSparsity.of(SparseFunctions.chainedRosenbrock(50).function(), new int[] {0}, 0, Long.MAX_VALUE);
        assertThat(Colourings.star(path, Long.MAX_VALUE).count()).isEqualTo(3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomPatternsAreColouredValidly(long seed) {
        Random random = new Random(seed);
        int m = 1 + random.nextInt(30);
        int n = 1 + random.nextInt(30);
        double density = random.nextDouble() * 0.4;
        int[][] byRow = new int[m][];
        for (int r = 0; r < m; r++) {
            byRow[r] = randomRow(random, n, density, -1);
        }
        SparsityPattern pattern = SparsityPattern.ofRows(n, byRow);
        assertThat(ColouringChecker.columnConflict(pattern, Colourings.columns(pattern, Long.MAX_VALUE))).as("seed %d", seed).isNull();
        assertThat(ColouringChecker.columnConflict(pattern.transpose(), Colourings.rows(pattern, Long.MAX_VALUE)))
                .as("seed %d", seed).isNull();
        int[][] square = new int[n][];
        for (int r = 0; r < n; r++) {
            square[r] = randomRow(random, n, density, r);
        }
        SparsityPattern symmetric = HessianSparsity.symmetric(SparsityPattern.ofRows(n, square));
        assertThat(ColouringChecker.starConflict(symmetric, Colourings.star(symmetric, Long.MAX_VALUE))).as("seed %d", seed).isNull();
    }

    @Test
    void aColouringOverTheCostLimitIsRefused() {
        SparsityPattern pattern = JacobianSparsity.of(SparseFunctions.arrowheadVector(100).function(), new int[] {0}, new int[] {0},
                Long.MAX_VALUE);
        long cost = Colourings.columnsCost(pattern);
        assertThatThrownBy(() -> Colourings.columns(pattern, cost - 1)).isInstanceOf(GradientException.class)
                .hasMessageContaining("gradient.limits.max-cost");
        SparsityPattern hessian = HessianSparsity.of(SparseFunctions.arrowhead(100).function(), new int[] {0}, 0, Long.MAX_VALUE);
        assertThatThrownBy(() -> Colourings.star(hessian, Colourings.starCost(hessian) - 1)).isInstanceOf(GradientException.class)
                .hasMessageContaining("gradient.limits.max-cost");
    }

    /** A sorted random row of {@code n} columns at {@code density}, with column {@code diagonal} in it where that is not -1. */
    static int[] randomRow(Random random, int n, double density, int diagonal) {
        TreeSet<Integer> columns = new TreeSet<>();
        for (int col = 0; col < n; col++) {
            if (col == diagonal || random.nextDouble() < density) {
                columns.add(col);
            }
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }
}
