package dev.gradient.sparsity;

import dev.gradient.engine.Cost;
import dev.gradient.graph.Attrs;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;

/**
 * Matrix products of 1-D and 2-D arguments, {@code C[i,k] = sum_j A[i,j] B[j,k]}: each output
 * element unions row {@code i} of {@code A} and column {@code k} of {@code B} (row {@code k} of
 * a {@code B} that the product reads transposed, as {@code matmul_transposed} does). Exact where
 * the other factor has no zeros.
 */
final class MatrixProductRule extends SparsityRule {

    /** Whether {@code B} is stored transposed, {@code [p, n]}. */
    private final boolean transposed;

    private MatrixProductRule(boolean transposed, String description) {
        super(SparsityRules.Kind.MATRIX_PRODUCT, description);
        this.transposed = transposed;
    }

    /** The rule of {@code A @ B}. */
    static MatrixProductRule plain() {
        return new MatrixProductRule(false, "matrix product: C[i,k] unions the sets of row i of A and column k of B");
    }

    /** The rule of {@code A @ transpose(B)}. */
    static MatrixProductRule ofTransposed() {
        return new MatrixProductRule(true, "matrix product with B transposed: C[i,k] unions the sets of row i of A and row k of B");
    }

    @Override
    long bound(Shape[] args, long[] argBounds, Shape out, Attrs attrs) {
        return Cost.multiply(inner(args, transposed), Cost.add(argBounds[0], argBounds[1]));
    }

    @Override
    long work(Shape[] args, long[] argBounds, Shape out, long outBound) {
        long reads = Cost.multiply(Cost.multiply(out.size(), inner(args, transposed)), Cost.add(2, Cost.add(argBounds[0], argBounds[1])));
        return Cost.add(reads, Cost.multiply(out.size(), Cost.add(1, outBound)));
    }

    private static long inner(Shape[] args, boolean transposed) {
        return transposed ? args[1].dim(1) : args[1].dim(0);
    }

    @Override
    IndexSets propagate(Primitive op, Shape[] args, IndexSets[] argSets, Shape out, Attrs attrs, Unions unions) {
        Shape a = args[0];
        Shape b = args[1];
        int m = a.rank() == 2 ? a.dim(0) : 1;
        int n = transposed ? b.dim(1) : b.dim(0);
        int p = transposed ? b.dim(0) : b.rank() == 2 ? b.dim(1) : 1;
        int[][] sets = new int[m * p][];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < p; k++) {
                unions.begin();
                for (int j = 0; j < n; j++) {
                    unions.add(argSets[0].get(i * n + j));
                    unions.add(argSets[1].get(transposed ? k * n + j : j * p + k));
                }
                sets[i * p + k] = unions.end();
            }
        }
        return new IndexSets(sets);
    }
}
