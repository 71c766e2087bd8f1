package dev.gradient.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.GradientException;
import dev.gradient.testing.Seeds;
import dev.gradient.testing.SparseFunctions;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StarColouring} gives the colouring of the path-searching greedy colouring
 * ({@link PathSearchStarColouring}) colour for colour, on random patterns of every density and
 * on the test suite's Hessians, and colours a pattern with a dense row within the default cost
 * limit, where searching paths would take about n<sup>2</sup> steps.
 */
class StarColouringTest {

    private static final long DEFAULT_MAX_COST = 100_000_000L;

    static Stream<Long> seeds() {
        return Seeds.first(200);
    }

    static Stream<SparseFunctions.Case> scalarSuite() {
        return SparseFunctions.scalarSuite().stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void colouringOfRandomPatternsIsThePathSearchOne(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(60);
        double density = random.nextDouble() * random.nextDouble();
        int[][] rows = new int[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = ColouringsTest.randomRow(random, n, density, r);
        }
        assertSameAsPathSearch(HessianSparsity.symmetric(SparsityPattern.ofRows(n, rows)), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarSuite")
    void colouringOfTheSuiteIsThePathSearchOne(SparseFunctions.Case c) {
        assertSameAsPathSearch(HessianSparsity.of(c.function(), new int[] {0}, 0, Long.MAX_VALUE), c.name());
    }

    @Test
    void anArrowheadOfAHundredThousandVariablesTakesTwoColoursWithinTheDefaultLimit() {
        int n = 100_000;
        int[][] rows = new int[n][];
        rows[0] = new int[n];
        for (int j = 0; j < n; j++) {
            rows[0][j] = j;
        }
        for (int i = 1; i < n; i++) {
            rows[i] = new int[] {0, i};
        }
        SparsityPattern arrowhead = SparsityPattern.ofRows(n, rows);
        Colouring star = Colourings.star(arrowhead, DEFAULT_MAX_COST);
        assertThat(star.count()).isEqualTo(2);
        assertThat(star.colourOf(0)).isZero();
        for (int i = 1; i < n; i++) {
            assertThat(star.colourOf(i)).isEqualTo(1);
        }
    }

    @Test
    void workPastTheLimitIsRefusedWhileColouring() {
        SparsityPattern hessian = HessianSparsity.of(SparseFunctions.banded(2_000).function(), new int[] {0}, 0, Long.MAX_VALUE);
        long least = Colourings.starCost(hessian);
        assertThat(Colourings.star(hessian, Long.MAX_VALUE).count()).isPositive();
        assertThatThrownBy(() -> Colourings.star(hessian, least + 10)).isInstanceOf(GradientException.class)
                .hasMessageContaining("gradient.limits.max-cost");
    }

    private static void assertSameAsPathSearch(SparsityPattern symmetric, String what) {
        int[][] adjacency = Colourings.offDiagonal(symmetric.byRow());
        int[] degrees = new int[adjacency.length];
        for (int v = 0; v < adjacency.length; v++) {
            degrees[v] = adjacency[v].length;
        }
        int[] order = LargestFirst.order(degrees);
        int[] colours = StarColouring.colour(adjacency, order, Long.MAX_VALUE);
        assertThat(colours).as(what).containsExactly(PathSearchStarColouring.colour(adjacency, order));
        assertThat(ColouringChecker.starConflict(symmetric, new Colouring(colours, 1 + max(colours)))).as(what).isNull();
    }

    private static int max(int[] values) {
        int max = -1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
