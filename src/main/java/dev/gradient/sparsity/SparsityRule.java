package dev.gradient.sparsity;

import dev.gradient.engine.Cost;
import dev.gradient.graph.Attrs;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;

/**
 * How one op carries index sets from its arguments to its output, conservatively: an output
 * element's set holds every differentiated input element that its value may depend on through
 * a non-zero derivative. Each rule also bounds its sets' sizes from its arguments' bounds, so
 * that the whole propagation is priced before it runs.
 */
abstract class SparsityRule {

    private final SparsityRules.Kind kind;
    private final String description;

    SparsityRule(SparsityRules.Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    /** The kind of rule, for {@code GET /ops} and for the tests that hold rules of exact kinds to exactness. */
    final SparsityRules.Kind kind() {
        return kind;
    }

    /** One line on what the rule does. */
    final String description() {
        return description;
    }

    /**
     * The largest set size any output element can have, given that no element of argument
     * {@code j} has more than {@code argBounds[j]} (before capping at the number of differentiated elements).
     */
    abstract long bound(Shape[] args, long[] argBounds, Shape out, Attrs attrs);

    /** The sets of the output elements of {@code op} applied to arguments of these shapes and sets. */
    abstract IndexSets propagate(Primitive op, Shape[] args, IndexSets[] argSets, Shape out, Attrs attrs, Unions unions);

    /**
     * The work of {@link #propagate} in index operations, given the bounds: by default each
     * argument element's set read once per output element that broadcasting or moving gives it,
     * at most, and each output set written.
     */
    long work(Shape[] args, long[] argBounds, Shape out, long outBound) {
        long work = Cost.multiply(out.size(), Cost.add(1, outBound));
        for (int j = 0; j < args.length; j++) {
            work = Cost.add(work, Cost.multiply(out.size(), argBounds[j]));
        }
        return work;
    }
}
