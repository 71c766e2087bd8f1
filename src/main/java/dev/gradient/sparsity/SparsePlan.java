package dev.gradient.sparsity;

/**
 * What a sparse Jacobian or Hessian of one function, by one choice of inputs and outputs, needs
 * before any point: its pattern and the colouring that compresses it, made once and kept
 * ({@link SparseDerivatives#jacobianPlan}, {@link SparseDerivatives#hessianPlan}). Immutable.
 *
 * @param pattern the structural non-zeros (for a Hessian, symmetric)
 * @param colouring the colouring of its columns, rows or (for a Hessian) vertices
 * @param mode which products the colours stand for
 */
public record SparsePlan(SparsityPattern pattern, Colouring colouring, Mode mode) {

    /** Which compressed products recover the matrix. */
    public enum Mode {
        /** One JVP per colour of the columns (forward mode). */
        COLUMNS,
        /** One VJP per colour of the rows (reverse mode). */
        ROWS,
        /** One Hessian-vector product per colour of a star colouring. */
        STAR
    }

    /** How many compressed products (sweeps) a point takes. */
    public int sweeps() {
        return colouring.count();
    }

    /**
     * The most entries in one row (for rows, in one column): for a column or row colouring, the
     * lower bound on its colours. For a star colouring it is only the figure colours are reported
     * against, not a bound: symmetry lets an entry be read from either side, so an arrowhead
     * Hessian with a dense row of n entries takes two colours.
     */
    public int lowerBound() {
        return mode == Mode.ROWS ? pattern.transpose().maxRowDegree() : pattern.maxRowDegree();
    }
}
