package dev.gradient.parse;

import dev.gradient.error.GradientException;
import dev.gradient.tensor.Tensor;

/**
 * One value as the streaming reader left it: the tensor, or the fault that made it unreadable.
 * A fault is kept rather than thrown where it is found, so that a request's errors are reported
 * in the order its checks run (the function first, then the point's inputs in input order), not
 * in the order the body happens to list its fields; the value's tokens are consumed either way.
 *
 * @param tensor the value; {@code null} exactly where {@code fault} is not
 * @param fault why the value could not be read; {@code null} where it could
 */
public record ReadValue(Tensor tensor, GradientException fault) {

    /** Exactly one of the two. */
    public ReadValue {
        if ((tensor == null) == (fault == null)) {
            throw new IllegalArgumentException("a read value holds either a tensor or a fault");
        }
    }

    /** A value that was read. */
    public static ReadValue of(Tensor tensor) {
        return new ReadValue(tensor, null);
    }

    /** A value that could not be read, for {@code fault}. */
    public static ReadValue failed(GradientException fault) {
        return new ReadValue(null, fault);
    }

    /** The tensor; the fault, thrown, where there is none. */
    public Tensor get() {
        if (fault != null) {
            throw fault;
        }
        return tensor;
    }
}
