package dev.gradient.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reverse mode's derived graphs of one compiled function, built on demand and kept with it
 * ({@link Compiled#derived}): the adjoint graph and the tape per choice of differentiated inputs
 * and pulled-back outputs, and the gradient program that Hessians differentiate again. Bounded; thread-safe.
 */
final class ReversePasses {

    private static final int MEMO_SIZE = 16;

    private final Compiled function;
    private final Cache<List<Integer>, Adjoint> adjoints = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private final Cache<List<Integer>, Compiled> gradientPrograms = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private final Cache<List<Integer>, Optional<Tape>> tapes = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();
    private volatile LastAdjoint lastAdjoint;
    private volatile LastTape lastTape;

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
        LastAdjoint last = lastAdjoint;
        if (last != null && Arrays.equals(last.wrt(), wrt) && Arrays.equals(last.outputs(), outputs)) {
            return last.adjoint();
        }
        Adjoint adjoint = adjoints.get(key(wrt, outputs),
                k -> ReverseTransform.build(function.graph(), function.nodePositions(wrt), outputs, function.limits()));
        lastAdjoint = new LastAdjoint(wrt.clone(), outputs.clone(), adjoint);
        return adjoint;
    }

    /**
     * The first-order reverse sweep for the inputs at input indices {@code wrt} and the outputs
     * at output indices {@code outputs}, if the graph has one ({@link Tape#build}).
     */
    Optional<Tape> tape(int[] wrt, int[] outputs) {
        LastTape last = lastTape;
        if (last != null && Arrays.equals(last.wrt(), wrt) && Arrays.equals(last.outputs(), outputs)) {
            return last.tape();
        }
        Optional<Tape> tape = tapes.get(key(wrt, outputs), k -> Optional.ofNullable(Tape.build(function, wrt, outputs)));
        lastTape = new LastTape(wrt.clone(), outputs.clone(), tape);
        return tape;
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

    /** The adjoint asked for last, with what it was asked for. */
    private record LastAdjoint(int[] wrt, int[] outputs, Adjoint adjoint) {
    }

    /** The tape asked for last, with what it was asked for. */
    private record LastTape(int[] wrt, int[] outputs, Optional<Tape> tape) {
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
