package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.Node;
import dev.gradient.testing.Seeds;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What shrinking relies on: with the same seed, a smaller random graph is a prefix of a larger one. */
class RandomGraphsTest {

    private static final int LARGE = 40;

    static Stream<Long> seeds() {
        return Seeds.first(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSmallerGraphOfTheSameSeedIsAPrefixOfALargerOne(long seed) {
        int small = Seeds.sizeOf(seed, LARGE - 1);
        RandomGraphs.RandomGraph smaller = RandomGraphs.graph(seed, small, false);
        RandomGraphs.RandomGraph larger = RandomGraphs.graph(seed, LARGE, false);
        List<Node> prefix = smaller.function().graph().nodes();
        assertThat(larger.function().graph().nodes().subList(0, prefix.size())).isEqualTo(prefix);
        // every line but the output's
        assertThat(larger.steps()).startsWith(smaller.steps().subList(0, smaller.steps().size() - 1).toArray(String[]::new));
        assertThat(larger.function().graph().size()).isGreaterThan(prefix.size());
    }
}
