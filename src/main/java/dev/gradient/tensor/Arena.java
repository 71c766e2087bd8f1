package dev.gradient.tensor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scratch arrays of one computation (an evaluation, a gradient, a batch of them), lent
 * instead of allocated, so that a run of a plan and its reverse sweep make no new arrays per
 * node once the same function has run before on the same thread. An array whose last reader
 * has run is given back ({@link #recycle}) and lent again within the computation; at the end
 * ({@link #close}) every array not {@link #keep kept} is given back too, and the arena stays
 * with its thread, arrays and all, for the thread's next computation.
 *
 * <p>What it lends is garbage: a taker writes every element before anything reads one. Arrays
 * shorter than {@link #MIN_POOLED_LENGTH} are plain new arrays, never tracked: for them the
 * JVM's thread-local allocation is cheaper than any bookkeeping. The arrays held for lending
 * again, in every arena of every thread together, are bounded by {@link #MAX_HELD_BYTES}; an
 * array given back beyond that is left to the garbage collector.
 *
 * <p>The contract that makes it safe: once the computation ends, every array it lent is dead
 * except those its caller keeps, so a caller keeps what it returns (values, gradients) before
 * closing; and an array is recycled only by the code that knows its last reader has run, never
 * while another tensor shares it. {@link #recycle} and {@link #keep} ignore arrays this arena
 * did not lend. For tests, the system property {@code gradient.arena.poison=true} fills every
 * array given back with NaN, so that a value read after its end shows in the results (the
 * build's tests run so, with every array lent: see {@link #MIN_POOLED_LENGTH}).
 *
 * <p>Not thread-safe: one computation, one thread. {@link #none()} lends nothing and may be
 * shared: it is what runs outside a computation's scope use.
 */
public final class Arena implements AutoCloseable {

    /**
     * Arrays at least this long are lent and held; shorter ones are new arrays. 256 doubles, or
     * the system property {@code gradient.arena.min-length} (tests set 1, so that every array of
     * every test goes through an arena).
     */
    public static final int MIN_POOLED_LENGTH = Integer.getInteger("gradient.arena.min-length", 256);
    /** The bytes that all arenas together hold for lending again: an eighth of the heap, at most 256 MiB. */
    public static final long MAX_HELD_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    /** The most distinct array lengths one arena holds arrays of. */
    private static final int MAX_LENGTHS = 32;

    private static final boolean POISON = Boolean.getBoolean("gradient.arena.poison");
    private static final Arena NONE = new Arena(false, false);
    private static final AtomicLong HELD = new AtomicLong();
    /** Each thread's arena between computations. */
    private static final ThreadLocal<Arena> IDLE = new ThreadLocal<>();

    private final boolean lends;
    /** Whether it is its thread's arena, which stays with the thread between computations. */
    private final boolean threads;
    /** The arrays lent and not yet given back or kept. */
    private IdentityHashMap<double[], Boolean> lent;
    /** {@code free[k]}: the arrays of length {@code lengths[k]} held for lending again. */
    private int[] lengths = new int[0];
    @SuppressWarnings("unchecked")
    private ArrayDeque<double[]>[] free = new ArrayDeque[0];
    private boolean open;

    private Arena(boolean lends, boolean threads) {
        this.lends = lends;
        this.threads = threads;
    }

    /** A computation's arena: this thread's own, with the arrays its last computation left, or a new one. */
    public static Arena open() {
        Arena arena = IDLE.get();
        if (arena == null) {
            arena = new Arena(true, true);
            IDLE.set(arena);
        } else if (arena.open) {
            // a computation inside a computation: an arena of its own, which ends with it
            arena = new Arena(true, false);
        }
        arena.open = true;
        return arena;
    }

    /** The arena that lends nothing: {@link #take} is {@code new double[length]}, and nothing is tracked. */
    public static Arena none() {
        return NONE;
    }

    /** Whether this arena lends arrays (false for {@link #none()}). */
    public boolean lends() {
        return lends;
    }

    /** An array of {@code length} doubles whose contents are unspecified: the caller writes every element. */
    public double[] take(int length) {
        // small enough for the JIT to inline wherever a kernel takes its output: the common case is a plain new array
        return !lends || length < MIN_POOLED_LENGTH ? new double[length] : lend(length);
    }

    private double[] lend(int length) {
        double[] array = null;
        for (int k = 0; k < lengths.length; k++) {
            if (lengths[k] == length) {
                array = free[k].pollLast();
                break;
            }
        }
        if (array == null) {
            array = new double[length];
        } else {
            HELD.addAndGet(-bytes(length));
        }
        if (lent == null) {
            lent = new IdentityHashMap<>();
        }
        lent.put(array, Boolean.TRUE);
        return array;
    }

    /** An array of {@code length} zeros. */
    public double[] takeZeros(int length) {
        if (!lends || length < MIN_POOLED_LENGTH) {
            return new double[length];
        }
        double[] array = take(length);
        Arrays.fill(array, 0.0);
        return array;
    }

    /**
     * Gives back {@code array}, whose last reader has run and which no other live tensor shares,
     * to be lent again. Ignored for an array this arena did not lend.
     */
    public void recycle(double[] array) {
        if (lent != null && lent.remove(array) != null) {
            hold(array);
        }
    }

    /** Lets {@code array} outlive the computation (a result): it is never lent again. Ignored for an array this arena did not lend. */
    public void keep(double[] array) {
        if (lent != null) {
            lent.remove(array);
        }
    }

    /** {@link #keep} for the array of every tensor of {@code tensors} that is not null. */
    public void keep(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null) {
                keep(t.values());
            }
        }
    }

    /**
     * Ends one part of the computation (one point of a batch): every array lent and not kept is
     * dead, and is lent again.
     */
    public void reclaim() {
        if (lent == null || lent.isEmpty()) {
            return;
        }
        for (double[] array : lent.keySet()) {
            hold(array);
        }
        lent.clear();
    }

    /** Ends the computation: every array lent and not kept is given back, and the arena waits for its thread's next computation. */
    @Override
    public void close() {
        if (!lends || !open) {
            return;
        }
        reclaim();
        open = false;
        if (!threads) {
            // the thread keeps one arena: this one's arrays go to the garbage collector
            for (ArrayDeque<double[]> arrays : free) {
                for (double[] array : arrays) {
                    HELD.addAndGet(-bytes(array.length));
                }
            }
            lengths = new int[0];
            free = new ArrayDeque[0];
        }
    }

    /** Holds {@code array} for lending again, where the bound allows. */
    private void hold(double[] array) {
        int k = 0;
        while (k < lengths.length && lengths[k] != array.length) {
            k++;
        }
        if (k == lengths.length) {
            if (k == MAX_LENGTHS) {
                return;
            }
            lengths = Arrays.copyOf(lengths, k + 1);
            free = Arrays.copyOf(free, k + 1);
            lengths[k] = array.length;
            free[k] = new ArrayDeque<>();
        }
        long size = bytes(array.length);
        if (HELD.addAndGet(size) > MAX_HELD_BYTES) {
            HELD.addAndGet(-size);
            return;
        }
        if (POISON) {
            Arrays.fill(array, Double.NaN);
        }
        free[k].addLast(array);
    }

    /** The bytes that all arenas hold now for lending again: for tests. */
    static long heldBytes() {
        return HELD.get();
    }

    private static long bytes(int length) {
        return 16L + 8L * length;
    }
}
