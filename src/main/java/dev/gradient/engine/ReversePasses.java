package dev.gradient.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;

/**
 * Reverse mode's derived graphs of one compiled function, built on demand and kept with it
 * ({@link Compiled#derived}): the adjoint graph and the reverse sweep (tape, then compiled adjoint) per choice of differentiated inputs
 * and pulled-back outputs, and the gradient program that Hessians differentiate again. Bounded; thread-safe.
 */
final class ReversePasses {

    private static final int MEMO_SIZE = 16;

    private final Compiled function;
    private final Cache<List<Integer>, Adjoint> adjoints = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private final Cache<List<Integer>, Compiled> gradientPrograms = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private final Cache<List<Integer>, ReverseSweep> sweeps = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private volatile LastAsked<Adjoint> lastAdjoint;
    private volatile LastAsked<ReverseSweep> lastSweep;

    private ReversePasses(Compiled function) {
        this.function = function;
    }

    /** The reverse passes of {@code function}, made once and kept with it. */
    static ReversePasses of(Compiled function) {
        return function.derived(ReversePasses.class, ReversePasses::new);
    }

    /** The adjoint for the inputs at input indices {@code wrt} and the outputs at output indices {@code outputs}. */
    Adjoint adjoint(int[] wrt, int[] outputs) {
        // a batch asks for the same adjoint at every point: answer it without building a cache key
        LastAsked<Adjoint> last = lastAdjoint;
        if (last != null && last.isFor(wrt, outputs)) {
            return last.value();
        }
        Adjoint adjoint = adjoints.get(key(wrt, outputs),
                k -> ReverseTransform.build(function.graph(), function.nodePositions(wrt), outputs, function.limits()));
        lastAdjoint = new LastAsked<>(wrt.clone(), outputs.clone(), adjoint);
        return adjoint;
    }

    /**
     * The first-order reverse sweep for the inputs at input indices {@code wrt} and the outputs
     * at output indices {@code outputs}: its tape, and its compiled adjoint once it is hot.
     */
    ReverseSweep sweep(int[] wrt, int[] outputs) {
        LastAsked<ReverseSweep> last = lastSweep;
        if (last != null && last.isFor(wrt, outputs)) {
            return last.value();
        }
        ReverseSweep sweep = sweeps.get(key(wrt, outputs), k -> new ReverseSweep(function, wrt, outputs));
        lastSweep = new LastAsked<>(wrt.clone(), outputs.clone(), sweep);
        return sweep;
    }

    /** The tape of {@link #sweep}: what runs a sweep before it is compiled. */
    Tape tape(int[] wrt, int[] outputs) {
        return sweep(wrt, outputs).tape();
    }

    /**
     * The gradient of output {@code output} by the inputs {@code wrt}, as a function of its own:
     * its inputs are the function's inputs followed by the output's cotangent, its outputs the
     * gradients, in {@code wrt} order.
     */
    Compiled gradientProgram(int[] wrt, int output) {
        return gradientPrograms.get(key(wrt, new int[] {output}),
                k -> new Compiled(adjoint(wrt, new int[] {output}).graph(), function.limits()));
    }

    /** What was asked for last (an adjoint, a tape), with what it was asked for. */
    private record LastAsked<V>(int[] wrt, int[] outputs, V value) {

        boolean isFor(int[] wrt, int[] outputs) {
            return Arrays.equals(this.wrt, wrt) && Arrays.equals(this.outputs, outputs);
        }
    }

    private static List<Integer> key(int[] wrt, int[] outputs) {
        Integer[] key = new Integer[wrt.length + outputs.length + 1];
        int k = 0;
        for (int w : wrt) {
            key[k++] = w;
        }
        key[k++] = -1;
        for (int o : outputs) {
            key[k++] = o;
        }
        return Arrays.asList(key);
    }
}
