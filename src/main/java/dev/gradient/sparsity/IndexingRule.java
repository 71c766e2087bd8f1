package dev.gradient.sparsity;

import dev.gradient.graph.Attrs;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Ops that only move elements (slices, reshapes, transposes, broadcasts, joins, and the
 * placing of a slice among zeros): each output element is one argument element or a zero, and
 * takes that element's set or none. Which element it is comes from the op's own forward
 * kernel, run on arguments whose values name their elements (the flattened index over all
 * arguments, plus one, so that a zero means "no element"), so the rule cannot drift from the
 * op. Exact.
 */
final class IndexingRule extends SparsityRule {

    IndexingRule() {
        super(SparsityRules.Kind.INDEXING,
                "moves elements: each output element takes the set of the argument element it copies, or none where it is a zero");
    }

    @Override
    long bound(Shape[] args, long[] argBounds, Shape out, Attrs attrs) {
        long bound = 0;
        for (long b : argBounds) {
            bound = Math.max(bound, b);
        }
        return bound;
    }

    @Override
    long work(Shape[] args, long[] argBounds, Shape out, long outBound) {
        long work = out.size();
        for (Shape arg : args) {
            work += arg.size();
        }
        return work;
    }

    @Override
    IndexSets propagate(Primitive op, Shape[] args, IndexSets[] argSets, Shape out, Attrs attrs, Unions unions) {
        Tensor[] named = new Tensor[args.length];
        int[] firstOf = new int[args.length + 1];
        for (int j = 0; j < args.length; j++) {
            int size = Math.toIntExact(args[j].size());
            double[] names = new double[size];
            for (int e = 0; e < size; e++) {
                names[e] = firstOf[j] + e + 1;
            }
            named[j] = Tensor.of(args[j], names);
            firstOf[j + 1] = Math.addExact(firstOf[j], size);
        }
        double[] copied = op.apply(named, attrs).values();
        int[][] sets = new int[copied.length][];
        int arg = 0;
        for (int e = 0; e < copied.length; e++) {
            int source = (int) copied[e] - 1;
            if (source < 0) {
                continue;
            }
            while (source < firstOf[arg] || source >= firstOf[arg + 1]) {
                arg = source < firstOf[arg] ? arg - 1 : arg + 1;
            }
            sets[e] = argSets[arg].get(source - firstOf[arg]);
        }
        return new IndexSets(sets);
    }
}
