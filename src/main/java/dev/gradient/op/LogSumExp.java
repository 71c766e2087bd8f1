package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * {@code log(sum(e^x))} over all elements or along {@code axis}, computed stably as {@code s +
 * log(sum(e^(x - s)))} with {@code s} the maximum, in the split form of {@link MaxShift} that
 * keeps the derivatives accurate where one element dominates; its gradient is the softmax.
 * Where the maximum is infinite, it is {@code log(sum(e^x))} (as PyTorch), so that all {@code
 * -Infinity} gives {@code -Infinity}, not NaN; the logsumexp of nothing is {@code -Infinity}.
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
        Shape reduced = axis < 0 ? Shape.SCALAR : shape.without(axis);
        if ((axis < 0 ? shape.size() : shape.dim(axis)) == 0) {
            // the log of an empty sum, as SciPy and PyTorch give it; max would have no value to shift by
            return b.broadcastTo(b.constant(Double.NEGATIVE_INFINITY), reduced);
        }
        MaxShift.Parts parts = MaxShift.of(b, x, axis);
        int stable = b.call("add", parts.shift(), parts.logSum());
        return b.reshape(b.call("where", parts.finite(), stable, parts.plain()), reduced);
    }
}
