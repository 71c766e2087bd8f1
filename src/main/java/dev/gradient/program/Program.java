package dev.gradient.program;

import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * A shaped graph made runnable: what every engine runs to get a function's node values, for a
 * primal sweep, a reverse pass (the adjoint graph) or a Hessian's gradient program alike. Today
 * the one implementation is the interpreter, {@link Plan}; a compiled one plugs in here.
 *
 * <p>Implementations are immutable and safe for concurrent runs: each run has its own values.
 */
public interface Program {

    /** How many nodes, so how many value slots a run fills. */
    int size();

    /**
     * The value of every node for {@code inputs} (in input order), reusing {@code known}: the
     * values of the first {@code known.length} nodes, from a program that this one extends. A
     * program made for callers that read only its outputs may leave {@code null} the slots of
     * other nodes.
     */
    Tensor[] run(Tensor[] inputs, Tensor[] known);

    /**
     * As {@link #run(Tensor[], Tensor[])}, with the arrays of the values it makes taken from
     * {@code arena}, which the caller closes once it has kept what it returns. Where {@code
     * outputsOnly}, the caller reads nothing but the outputs, so a run may give a value's array
     * back to the arena once its last reader has run, and then leaves that node's slot {@code
     * null}. The default ignores both.
     */
    default Tensor[] run(Tensor[] inputs, Tensor[] known, Arena arena, boolean outputsOnly) {
        return run(inputs, known);
    }

    /** The slot of output {@code k} in the values that {@link #run} returns. */
    int outputSlot(int k);

    /**
     * Compiles it now, on the calling thread, for runs given {@code knownLength} known values,
     * unless that was tried already; whether compiled code for such runs is then in place. For
     * a caller that decides itself when a program is hot (and calls this off the request
     * thread). A program that is never compiled, as the interpreter, answers false.
     */
    default boolean compileNow(int knownLength) {
        return false;
    }

    /**
     * Whether a run given {@code knownLength} known values runs compiled code now: false before
     * compilation and after compiled code failed and was dropped.
     */
    default boolean runsCompiled(int knownLength) {
        return false;
    }
}
