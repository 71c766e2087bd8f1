package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;

/**
 * {@code log(sum(e^x))} along an axis, split at the maximum as {@link LogSumExp}, {@link
 * LogSoftmax} and {@link Softmax} all need it: {@code s + log(t) + log1p(r/t)}, where {@code s}
 * is the maximum, {@code t} the sum of {@code e^(x - s)} over the elements that equal it (1 for
 * a unique maximum) and {@code r} over the others. Every exponent is at most 0, so nothing
 * overflows, and the log-softmax {@code (x - s) - log(t) - log1p(r/t)} is shift invariant
 * (that of [1e16, 1e16] is -log 2, where {@code x - logsumexp(x)} is 0).
 *
 * <p>Why {@code s} is the {@code max} itself, differentiable, and not a constant: the function
 * does not depend on {@code s}, but the form does. With a unique maximum, {@code x_M - s} is then
 * identically 0, and the largest probability's complement {@code 1 - p_M}, its derivative and
 * the log-probability {@code -log1p(r)} come from {@code r} alone, as products; with a
 * constant shift they would come from {@code 1 - p_M} as a difference, which is 0 where {@code
 * p_M} rounds to 1 (log_softmax([40, 0])[0] is -4.2e-18, not 0). Ties cost nothing: {@code max}
 * splits its derivative equally among them, and any differentiable shift gives the same
 * function, so every derivative order is exact there too.
 *
 * <p>Where the maximum is not finite, the plain {@code log(sum(e^x))} is used instead (with
 * {@code where}, NaN-safe): Infinity if an element is, -Infinity if all are, as PyTorch gives.
 */
final class MaxShift {

    /**
     * The nodes, all of the argument's shape with the reduced axis kept at extent 1 (or all
     * axes, for a reduction over everything): {@code shifted} is {@code x - s}, {@code logSum}
     * is {@code log(sum(e^(x - s)))}, {@code finite} marks a finite maximum and {@code plain}
     * is {@code log(sum(e^x))}.
     */
    record Parts(int shift, int shifted, int logSum, int finite, int plain) {
    }

    private MaxShift() {
    }

    /** The parts for {@code x} along {@code axis}; -1 reduces over every element, which must not be none. */
    static Parts of(GraphBuilder b, int x, int axis) {
        Shape shape = b.shape(x);
        Attrs reduce = axis < 0 ? Attrs.NONE : Attrs.of("axis", axis);
        Shape kept = Axis.keepDims(shape, axis);
        int zero = b.constant(0.0);
        int shift = b.reshape(b.call("max", reduce, x), kept);
        int atMaximum = b.call("eq", x, shift);
        int shifted = b.call("sub", x, shift);
        int exp = b.call("exp", shifted);
        int tied = b.reshape(b.call("sum", reduce, b.call("where", atMaximum, exp, zero)), kept);
        int rest = b.reshape(b.call("sum", reduce, b.call("where", atMaximum, zero, exp)), kept);
        int logSum = b.call("add", b.call("log", tied), b.call("log1p", b.call("div", rest, tied)));
        int finite = b.call("lt", b.call("abs", shift), b.constant(Double.POSITIVE_INFINITY));
        int plain = b.reshape(b.call("log", b.call("sum", reduce, b.call("exp", x))), kept);
        return new Parts(shift, shifted, logSum, finite, plain);
    }
}
