package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * An op's VJP rule as numbers rather than graph nodes: what the first-order reverse sweep runs
 * for plain gradients, VJPs and Jacobian rows, writing each node's contributions straight into
 * arrays instead of building and interpreting the adjoint graph. Ops offer one where the
 * reverse sweep spends its time (the elementwise ops); for the others the sweep runs the op's
 * graph rule ({@link Primitive#vjp}) on its own.
 *
 * <p>It must agree with the graph rule to rounding, zero-exact products included: a zero
 * cotangent or a zero partial contributes exactly zero. It must give every needed argument a
 * contribution, and an op that has one must not mark elements dead where its whole output is
 * live ({@link Primitive#liveMask} gives -1 for an output mask of -1), since the tape looks for
 * such ops (such as {@code where}) only among the ops without one.
 */
@FunctionalInterface
public interface Pullback {

    /**
     * The VJP at the point where the arguments are {@code args} and the output is {@code out},
     * for the arguments where {@code needed[j]} is true (those that depend on a differentiated
     * input): it need not compute the others' partials. Its scratch arrays (the partials, the
     * contributions) come from {@code arena}. A contribution is either an array of its own, which
     * nothing else shares, or the cotangent's array itself: the sweep relies on it to know which
     * arrays it may give back.
     */
    Vjp at(Tensor[] args, Tensor out, Attrs attrs, boolean[] needed, Arena arena);

    /** The same VJP with arrays of its own ({@link Arena#none()}). */
    default Vjp at(Tensor[] args, Tensor out, Attrs attrs, boolean[] needed) {
        return at(args, out, attrs, needed, Arena.none());
    }

    /**
     * The same VJP where every argument and the output are single numbers, without tensors (a
     * graph of scalars spends more on them than on arithmetic): writes each needed argument's
     * contribution for {@code cotangent} into {@code contributions[j]}, the same double as
     * {@link #at} would give, and returns true; or returns false, the default, where the op has
     * no such form.
     */
    default boolean scalarAt(double[] args, double out, boolean[] needed, double cotangent, double[] contributions) {
        return false;
    }
}
