package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * {@code log(sum(e^x))} over all elements or along {@code axis}, computed stably as
 * {@code m + log(sum(e^(x - m)))} with {@code m} the maximum.
 *
 * <p>The function does not depend on {@code m}, so {@code m} goes through {@code
 * stop_gradient}: its derivative would be zero anyway, and this way ties in the maximum cost
 * nothing and the gradient is exactly the softmax. Where the maximum is infinite, {@code m} is
 * 0 instead (as PyTorch does), so that all {@code -Infinity} gives {@code -Infinity}, not NaN;
 * the logsumexp of nothing is {@code -Infinity}.
 */
final class LogSumExp implements Composite {

    @Override public String name() { return "logsumexp"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to reduce; all elements when absent")); }
    @Override public String syntax() { return "logsumexp(x) or logsumexp(x, axis=0)"; }
    @Override public String summary() { return "log(sum(exp(x))), over all elements or along an axis, without overflow."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        int x = args[0];
        Shape shape = b.shape(x);
        int axis = Axis.of(name(), attrs, shape.rank());
        Attrs reduce = axis < 0 ? Attrs.NONE : Attrs.of("axis", axis);
        if ((axis < 0 ? shape.size() : shape.dim(axis)) == 0) {
            // the log of an empty sum, as SciPy and PyTorch give it; max would have no value to shift by
            return b.broadcastTo(b.constant(Double.NEGATIVE_INFINITY), axis < 0 ? Shape.SCALAR : shape.without(axis));
        }
        int max = b.call("stop_gradient", b.call("max", reduce, x));
        int finite = b.call("lt", b.call("abs", max), b.constant(Double.POSITIVE_INFINITY));
        int m = b.call("where", finite, max, b.constant(0.0));
        int shifted = b.call("sub", x, b.reshape(m, Axis.keepDims(shape, axis)));
        return b.call("add", m, b.call("log", b.call("sum", reduce, b.call("exp", shifted))));
    }
}
