package dev.gradient.engine;

import dev.gradient.tensor.Tensor;

/**
 * A compiled function at one point, with the value of every node computed at most once and
 * shared by everything asked at that point: the outputs, the forward sweep's primals and the
 * reverse pass's reused prefix. Not thread-safe: one per request and point.
 */
public final class Evaluation {

    private final Compiled function;
    private final Tensor[] point;
    private final Tensor[] prefix;
    private Tensor[] values;

    /** {@code function} at {@code point}, a value per input in input order. */
    public Evaluation(Compiled function, Tensor[] point) {
        this(function, point, new Tensor[0]);
    }

    /** As above, where the first {@code prefix.length} node values are already known. */
    Evaluation(Compiled function, Tensor[] point, Tensor[] prefix) {
        this.function = function;
        this.point = point;
        this.prefix = prefix;
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
            values = function.program().run(point, prefix);
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
