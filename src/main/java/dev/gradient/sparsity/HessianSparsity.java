package dev.gradient.sparsity;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Cost;
import dev.gradient.engine.GradientFunction;

/**
 * The sparsity pattern of the Hessian of a scalar output from the graph alone: the Jacobian
 * pattern ({@link JacobianSparsity}) of its reverse-mode gradient program ({@link
 * GradientFunction}), made symmetric by adding its transpose. The gradient program is an
 * ordinary graph of primitives, so the first-order rules serve for second order; terms that are
 * linear in the inputs drop out because their gradient does not depend on the inputs, and the
 * live masks and tie masks of the gradient program are comparisons, which carry no dependency.
 * Conservative like the Jacobian pattern, and exact on the functions of the tests (banded,
 * arrowhead, chained Rosenbrock, random sparse sums of products).
 */
public final class HessianSparsity {

    private HessianSparsity() {
    }

    /**
     * The pattern of the Hessian of output {@code output} of {@code f} by its inputs {@code wrt},
     * {@code n x n} over their flattened elements in order; an {@code LIMIT_EXCEEDED} problem
     * naming {@code gradient.limits.max-cost} where its estimate ({@link #cost}) passes {@code maxCost}.
     */
    public static SparsityPattern of(Compiled f, int[] wrt, int output, long maxCost) {
        Compiled gradient = GradientFunction.of(f, wrt, output);
        SparsityPattern pattern = JacobianSparsity.of(gradient, wrt, allOutputs(gradient), maxCost);
        return symmetric(pattern);
    }

    /** The estimated work of {@link #of}: the gradient program's Jacobian pattern, and its transpose. */
    public static long cost(Compiled f, int[] wrt, int output) {
        Compiled gradient = GradientFunction.of(f, wrt, output);
        long pattern = JacobianSparsity.cost(gradient, wrt, allOutputs(gradient));
        return Cost.multiply(2, pattern);
    }

    /** {@code pattern} with every entry's mirror image added. */
    static SparsityPattern symmetric(SparsityPattern pattern) {
        int[][] rows = pattern.byRow();
        int[][] columns = pattern.byColumn();
        int[][] union = new int[rows.length][];
        Unions unions = new Unions(pattern.columnCount());
        for (int r = 0; r < rows.length; r++) {
            unions.begin();
            unions.add(rows[r]);
            unions.add(columns[r]);
            union[r] = unions.end();
        }
        return SparsityPattern.ofRows(pattern.columnCount(), union);
    }

    private static int[] allOutputs(Compiled f) {
        int[] outputs = new int[f.outputNames().size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = k;
        }
        return outputs;
    }
}
