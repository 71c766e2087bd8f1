package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the same work interpreted and compiled and holds the two to the same bits: the helper
 * of the tests that check the compiled path against the interpreter, the reference.
 *
 * <p>The work must build its functions itself, since a function takes its compilation policy
 * when it is made (and its reverse passes when they are made), from {@link Compilation#shared()}.
 * Tests run one at a time in this build, so replacing the shared instance for the length of
 * the work is safe.
 */
public final class CompiledPaths {

    /** Never compiles. */
    static final CompileSettings INTERPRETED = new CompileSettings(false, 0, 0, 0, 1);
    /** Compiles every program at its first run, on the calling thread, so that every run is compiled. */
    static final CompileSettings AT_ONCE = new CompileSettings(true, 0, 10_000, 1_000_000, 1);

    private CompiledPaths() {
    }

    /** What a piece of work computed, or the exception it threw. */
    public record Outcome(List<Tensor> values, String failure) {
    }

    /** {@code work}'s outcome with {@code compilation} shared while it runs. */
    static Outcome run(Compilation compilation, Supplier<List<Tensor>> work) {
        Compilation previous = Compilation.install(compilation);
        try {
            return new Outcome(new ArrayList<>(work.get()), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        } finally {
            Compilation.install(previous);
        }
    }

    /**
     * Runs {@code work} interpreted and then compiled, and checks that the compiled run compiled
     * its programs without a failure and that both computed the same tensors, bit for bit (or
     * threw the same exception). Returns the interpreted outcome.
     */
    public static Outcome agree(String label, Supplier<List<Tensor>> work) {
        Outcome interpreted = run(Compilation.onCallingThread(INTERPRETED), work);
        Compilation compilation = Compilation.onCallingThread(AT_ONCE);
        Outcome compiled = run(compilation, work);
        assertThat(compilation.failures()).as("%s: compilations that failed", label).isZero();
        assertThat(compilation.compilations()).as("%s: programs compiled", label).isPositive();
        assertThat(compiled.failure()).as("%s: what the compiled path threw", label).isEqualTo(interpreted.failure());
        if (interpreted.values() != null) {
            assertSameBits(label, interpreted.values(), compiled.values());
        }
        return interpreted;
    }

    /** The same shapes and the same bits of every element, null where {@code expected} is null. */
    public static void assertSameBits(String label, List<Tensor> expected, List<Tensor> actual) {
        assertThat(actual).as("%s: how many tensors", label).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            Tensor e = expected.get(k);
            Tensor a = actual.get(k);
            if (e == null) {
                assertThat(a).as("%s: tensor %d", label, k).isNull();
                continue;
            }
            assertThat(a).as("%s: tensor %d", label, k).isNotNull();
            assertThat(a.shape()).as("%s: shape of tensor %d", label, k).isEqualTo(e.shape());
            for (int i = 0; i < e.size(); i++) {
                long expectedBits = Double.doubleToRawLongBits(e.get(i));
                long actualBits = Double.doubleToRawLongBits(a.get(i));
                if (expectedBits != actualBits) {
                    assertThat(a.get(i)).as("%s: tensor %d, element %d (interpreted %s, compiled %s)", label, k, i,
                            e.get(i), a.get(i)).isEqualTo(e.get(i));
                    assertThat(actualBits).as("%s: bits of tensor %d, element %d", label, k, i).isEqualTo(expectedBits);
                }
            }
        }
    }
}
