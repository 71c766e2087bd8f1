package dev.gradient.engine;

import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * A compiled function at one point, with the value of every node computed at most once and
 * shared by everything asked at that point: the outputs, the forward sweep's primals and the
 * reverse pass's reused prefix. Not thread-safe: one per request and point.
 *
 * <p>An evaluation made inside a computation's {@link Arena} takes its values' arrays, and the
 * reverse sweep's, from it: everything it hands out is then valid only until that arena is
 * closed, unless kept. One made without an arena allocates, and what it hands out lives on.
 */
public final class Evaluation {

    private final Compiled function;
    private final Tensor[] point;
    private final Tensor[] prefix;
    private final Arena arena;
    private Tensor[] values;

    /** {@code function} at {@code point}, a value per input in input order. */
    public Evaluation(Compiled function, Tensor[] point) {
        this(function, point, new Tensor[0], Arena.none());
    }

    /** As above, where the first {@code prefix.length} node values are already known. */
    Evaluation(Compiled function, Tensor[] point, Tensor[] prefix) {
        this(function, point, prefix, Arena.none());
    }

    /** {@code function} at {@code point}, with arrays from {@code arena}. */
    Evaluation(Compiled function, Tensor[] point, Arena arena) {
        this(function, point, new Tensor[0], arena);
    }

    private Evaluation(Compiled function, Tensor[] point, Tensor[] prefix, Arena arena) {
        this.function = function;
        this.point = point;
        this.prefix = prefix;
        this.arena = arena;
    }

    /** Where its arrays come from. */
    Arena arena() {
        return arena;
    }

    /** The function. */
    public Compiled function() {
        return function;
    }

    /** The point, a value per input. */
    public Tensor[] point() {
        return point;
    }

    /** The value of every node. */
    Tensor[] values() {
        if (values == null) {
            values = function.program().run(point, prefix, arena, false);
        }
        return values;
    }

    /** The value of output {@code k}. */
    public Tensor output(int k) {
        return values()[function.program().outputSlot(k)];
    }

    /** The value of every output. */
    public Tensor[] outputs() {
        Tensor[] outputs = new Tensor[function.graph().outputs().size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = output(k);
        }
        return outputs;
    }
}
