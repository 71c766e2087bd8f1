package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Tensor;

/**
 * An op's VJP rule as numbers rather than graph nodes: what the first-order reverse sweep runs
 * for plain gradients, VJPs and Jacobian rows, writing each node's contributions straight into
 * arrays instead of building and interpreting the adjoint graph. Ops offer one where the
 * reverse sweep spends its time (the elementwise ops); for the others the sweep runs the op's
 * graph rule ({@link Primitive#vjp}) on its own.
 *
 * <p>It must agree with the graph rule to rounding, zero-exact products included: a zero
 * cotangent or a zero partial contributes exactly zero.
 */
@FunctionalInterface
public interface Pullback {

    /**
     * The VJP at the point where the arguments are {@code args} and the output is {@code out},
     * for the arguments where {@code needed[j]} is true (those that depend on a differentiated
     * input): it need not compute the others' partials.
     */
    Vjp at(Tensor[] args, Tensor out, Attrs attrs, boolean[] needed);
}
