package dev.gradient.sparsity;

import dev.gradient.engine.Cost;
import dev.gradient.graph.Attrs;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import java.util.function.IntPredicate;

/**
 * Elementwise ops: each output element takes the union of the sets of the argument elements
 * that broadcasting reads for it, over the arguments that have a derivative ({@code where}'s
 * condition, a comparison's arguments and {@code sign}'s have none). Exact where the op's
 * partials are non-zero at generic points.
 */
final class ElementwiseRule extends SparsityRule {

    private final IntPredicate differentiable;

    private ElementwiseRule(String description, IntPredicate differentiable) {
        super(SparsityRules.Kind.ELEMENTWISE, description);
        this.differentiable = differentiable;
    }

    /** Every argument has a derivative. */
    static ElementwiseRule everyArgument() {
        return new ElementwiseRule("elementwise: each output element unions its broadcast argument elements' sets", j -> true);
    }

    /** The derivative is zero everywhere: every set is empty. */
    static ElementwiseRule constant() {
        return new ElementwiseRule("piecewise constant: zero derivative, every set is empty", j -> false);
    }

    /** {@code where(cond, a, b)}: both branches, not the condition. */
    static ElementwiseRule branches() {
        return new ElementwiseRule("elementwise over both branches: each output element unions the sets of a and b"
                + " (the condition has no derivative)", j -> j > 0);
    }

    @Override
    long bound(Shape[] args, long[] argBounds, Shape out, Attrs attrs) {
        long bound = 0;
        for (int j = 0; j < args.length; j++) {
            if (differentiable.test(j)) {
                bound = Cost.add(bound, argBounds[j]);
            }
        }
        return bound;
    }

    @Override
    IndexSets propagate(Primitive op, Shape[] args, IndexSets[] argSets, Shape out, Attrs attrs, Unions unions) {
        int size = Math.toIntExact(out.size());
        int[][] maps = new int[args.length][];
        boolean any = false;
        for (int j = 0; j < args.length; j++) {
            if (differentiable.test(j)) {
                maps[j] = Broadcast.indexMap(args[j], out);
                any = true;
            }
        }
        if (!any) {
            return IndexSets.empty(size);
        }
        int[][] sets = new int[size][];
        for (int e = 0; e < size; e++) {
            unions.begin();
            for (int j = 0; j < args.length; j++) {
                if (differentiable.test(j)) {
                    unions.add(argSets[j].get(maps[j] == null ? e : maps[j][e]));
                }
            }
            sets[e] = unions.end();
        }
        return new IndexSets(sets);
    }
}
