package dev.gradient.sparsity;

import dev.gradient.engine.Cost;
import dev.gradient.graph.Attrs;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;

/**
 * Reductions ({@code sum}, {@code max}, {@code min} over everything or along {@code axis}, and
 * {@code sum_to} a shape): each output element takes the union of the sets of the argument
 * elements that reduce into it. Which output element an argument element reduces into is
 * where broadcasting the output back would read it from, the reduction's transpose. Exact for
 * sums; for {@code max} and {@code min} conservative, since only the extreme element has a
 * non-zero derivative at a given point.
 */
final class ReductionRule extends SparsityRule {

    private final boolean toShape;

    private ReductionRule(boolean toShape) {
        super(SparsityRules.Kind.REDUCTION, "reduction: each output element unions the sets of the elements reduced into it");
        this.toShape = toShape;
    }

    /** Over all elements, or along the attribute {@code axis}. */
    static ReductionRule alongAxis() {
        return new ReductionRule(false);
    }

    /** Down to the output's shape, over the axes along which it broadcasts ({@code sum_to}). */
    static ReductionRule toOutputShape() {
        return new ReductionRule(true);
    }

    @Override
    long bound(Shape[] args, long[] argBounds, Shape out, Attrs attrs) {
        long reduced = out.size() == 0 ? 0 : args[0].size() / out.size();
        return Cost.multiply(argBounds[0], reduced);
    }

    @Override
    long work(Shape[] args, long[] argBounds, Shape out, long outBound) {
        return Cost.add(Cost.multiply(args[0].size(), Cost.add(1, argBounds[0])), Cost.multiply(out.size(), Cost.add(1, outBound)));
    }

    @Override
    IndexSets propagate(Primitive op, Shape[] args, IndexSets[] argSets, Shape out, Attrs attrs, Unions unions) {
        Shape in = args[0];
        int[] into = Broadcast.indexMap(kept(in, out, attrs), in);
        int size = Math.toIntExact(out.size());
        if (into == null) {
            return argSets[0];
        }
        // the argument's elements grouped by the output element they reduce into
        int[] starts = new int[size + 1];
        for (int target : into) {
            starts[target + 1]++;
        }
        for (int o = 0; o < size; o++) {
            starts[o + 1] += starts[o];
        }
        int[] members = new int[into.length];
        int[] next = starts.clone();
        for (int e = 0; e < into.length; e++) {
            members[next[into[e]]++] = e;
        }
        int[][] sets = new int[size][];
        for (int o = 0; o < size; o++) {
            unions.begin();
            for (int k = starts[o]; k < starts[o + 1]; k++) {
                unions.add(argSets[0].get(members[k]));
            }
            sets[o] = unions.end();
        }
        return new IndexSets(sets);
    }

    /** The output's shape with the reduced axes kept at extent 1, as the argument's rank has them. */
    private Shape kept(Shape in, Shape out, Attrs attrs) {
        if (toShape) {
            return out;
        }
        Integer axis = attrs.integer("axis", null);
        if (axis == null) {
            int[] ones = new int[in.rank()];
            java.util.Arrays.fill(ones, 1);
            return Shape.of(ones);
        }
        return in.with(axis < 0 ? axis + in.rank() : axis, 1);
    }
}
