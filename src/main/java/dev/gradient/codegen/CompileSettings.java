package dev.gradient.codegen;

/**
 * When and how much {@link Compilation} compiles: the part of {@code gradient.compile.*} that
 * knows nothing of Spring.
 *
 * @param enabled whether programs are compiled at all; when not, every program is interpreted
 * @param threshold how many runs of a program are interpreted before it is compiled (0: compile
 *     at the first run)
 * @param maxNodes the most nodes one compiled program may compute; a larger one stays interpreted
 * @param cacheNodes the most nodes that the cache of compiled classes holds, each class
 *     weighing the nodes it computes
 * @param queueSize the most compilations waiting for the background thread; when it is full, a
 *     program stays interpreted and asks again after another {@code threshold} runs
 * @param reverseSweeps whether first-order reverse sweeps (gradients, VJPs, Jacobian rows) of a
 *     hot function run its compiled adjoint program instead of the interpreted tape; when not,
 *     only the programs themselves are compiled
 */
public record CompileSettings(boolean enabled, int threshold, int maxNodes, long cacheNodes, int queueSize,
        boolean reverseSweeps) {

    /** The defaults of {@code gradient.compile.*}, as documented in the configuration record. */
    public static final CompileSettings DEFAULTS = new CompileSettings(true, 200, 5_000, 50_000, 64);

    /** Settings that compile reverse sweeps too (where {@code enabled}). */
    public CompileSettings(boolean enabled, int threshold, int maxNodes, long cacheNodes, int queueSize) {
        this(enabled, threshold, maxNodes, cacheNodes, queueSize, true);
    }

    /** Checks the bounds. */
    public CompileSettings {
        if (threshold < 0 || maxNodes < 0 || cacheNodes < 0 || queueSize < 1) {
            throw new IllegalArgumentException("compile settings must not be negative and the queue must hold one,"
                    + " got threshold " + threshold + ", max nodes " + maxNodes + ", cache nodes " + cacheNodes
                    + ", queue size " + queueSize);
        }
    }
}
