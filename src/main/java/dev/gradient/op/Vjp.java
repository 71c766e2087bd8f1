package dev.gradient.op;

import dev.gradient.tensor.Tensor;

/**
 * An op's vector-Jacobian product at one point, as numbers: what a {@link Pullback} returns,
 * so that the first-order reverse sweep computes the local partials once per node and applies
 * them to every cotangent direction (the transpose of {@link Jvp}).
 */
@FunctionalInterface
public interface Vjp {

    /**
     * The cotangent contribution of each argument for the output's cotangent {@code cotangent}:
     * {@code null} where there is none or where the argument is not needed. A contribution has
     * its argument's shape; it may share its array with {@code cotangent} or an argument, so a
     * caller that accumulates into it copies it first.
     */
    Tensor[] apply(Tensor cotangent);

    /**
     * Says that the sweep will apply it no more, so that it may give the scratch arrays it
     * holds (its partials) back to the arena they came from. The default holds none.
     */
    default void done() {
    }
}
