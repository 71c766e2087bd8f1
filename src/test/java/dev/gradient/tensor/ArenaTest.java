package dev.gradient.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What the arena promises its callers: an array given back is lent again, one kept or not lent
 * by it never is, the end of a computation gives back every array not kept, and a thread's next
 * computation finds them. The build runs every test with every array lent (min-length 1), so
 * these lengths are lent whatever the default.
 */
class ArenaTest {

    private static final int LONG = Math.max(Arena.MIN_POOLED_LENGTH, 4);

    @Test
    void anArrayGivenBackIsLentAgainAndOneKeptIsNot() {
        try (Arena arena = Arena.open()) {
            double[] first = arena.take(LONG);
            arena.recycle(first);
            double[] second = arena.take(LONG);
            assertThat(second).isSameAs(first);
            arena.keep(second);
            arena.recycle(second);
            assertThat(arena.take(LONG)).isNotSameAs(second);
        }
    }

    @Test
    void anArrayItDidNotLendIsNeverLent() {
        double[] foreign = new double[LONG];
        try (Arena arena = Arena.open()) {
            arena.recycle(foreign);
            for (int i = 0; i < 4; i++) {
                assertThat(arena.take(LONG)).isNotSameAs(foreign);
            }
        }
    }

    @Test
    void theEndOfAComputationGivesBackWhatItDidNotKeepToTheThreadsNextOne() {
        double[] dead;
        double[] kept;
        try (Arena arena = Arena.open()) {
            dead = arena.take(LONG + 1);
            kept = arena.take(LONG + 1);
            arena.keep(kept);
        }
        try (Arena next = Arena.open()) {
            double[] again = next.take(LONG + 1);
            assertThat(again).isSameAs(dead);
            assertThat(next.take(LONG + 1)).isNotSameAs(kept).isNotSameAs(dead);
        }
    }

    @Test
    void aComputationInsideAnotherHasAnArenaOfItsOwn() {
        try (Arena outer = Arena.open()) {
            double[] held = outer.take(LONG);
            try (Arena inner = Arena.open()) {
                assertThat(inner).isNotSameAs(outer);
                assertThat(inner.take(LONG)).isNotSameAs(held);
            }
        }
    }

    @Test
    void reclaimEndsOnePartAndTakesZerosAreZeros() {
        try (Arena arena = Arena.open()) {
            double[] a = arena.take(LONG);
            Arrays.fill(a, 7.0);
            arena.reclaim();
            double[] zeros = arena.takeZeros(LONG);
            assertThat(zeros).isSameAs(a).containsOnly(0.0);
        }
    }

    @Test
    void noneLendsNothing() {
        Arena none = Arena.none();
        double[] a = none.take(LONG);
        none.recycle(a);
        assertThat(none.take(LONG)).isNotSameAs(a);
        assertThat(none.lends()).isFalse();
    }

    @Test
    void theArraysHeldStayWithinTheBound() {
        try (Arena arena = Arena.open()) {
            for (int i = 0; i < 8; i++) {
                arena.take(LONG + 7 + i);
            }
        }
        assertThat(Arena.heldBytes()).isBetween(0L, Arena.MAX_HELD_BYTES);
    }
}
