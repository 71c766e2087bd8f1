package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import java.util.List;

/**
 * {@code exp(x) / sum(exp(x))} along {@code attrs.axis} (default the last), computed as the
 * exponential of the {@link LogSoftmax}, which is shifted by the maximum: nothing overflows, and
 * a common offset changes nothing (softmax([1e16, 1e16]) is [0.5, 0.5]).
 */
final class Softmax implements Composite {

    @Override public String name() { return "softmax"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public List<AttrSpec> attrs() { return List.of(AttrSpec.axis("the axis to normalise along; default -1, the last")); }
    @Override public String syntax() { return "softmax(x) or softmax(x, axis=0)"; }
    @Override public String summary() { return "Softmax along an axis (default the last): exp(x) normalised to sum to 1."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        return b.call("exp", LogSoftmax.of(b, name(), args[0], attrs));
    }
}
