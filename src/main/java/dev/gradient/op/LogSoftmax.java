package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;

/**
 * {@code x - logsumexp(x)} along {@code attrs.axis} (default the last): the log of the softmax,
 * computed as {@code (x - s) - log(sum(e^(x - s)))} with {@code s} the maximum ({@link
 * MaxShift}), in value and so in every derivative. Subtracting the logsumexp itself would lose
 * shift invariance: at [1e16, 1e16] it rounds to 1e16 and the result to 0, not -log 2.
 */
final class LogSoftmax implements Composite {

    @Override public String name() { return "log_softmax"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to normalise along; default -1, the last")); }
    @Override public String syntax() { return "log_softmax(x) or log_softmax(x, axis=0)"; }
    @Override public String summary() { return "Logarithm of the softmax along an axis (default the last)."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        return of(b, name(), args[0], attrs);
    }

    /** The log-softmax of {@code x} along {@code attrs.axis}, with {@code op} named in errors. */
    static int of(GraphBuilder b, String op, int x, Attrs attrs) {
        Shape shape = b.shape(x);
        if (shape.rank() == 0) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, op + ": expected an argument with at least one axis, got a scalar");
        }
        int axis = Axis.normalize(op, attrs.integer("axis", -1), shape.rank());
        if (shape.dim(axis) == 0) {
            return x;  // nothing to normalise
        }
        MaxShift.Parts parts = MaxShift.of(b, x, axis);
        int stable = b.call("sub", parts.shifted(), parts.logSum());
        return b.call("where", parts.finite(), stable, b.call("sub", x, parts.plain()));
    }
}
