package dev.gradient.engine;

import dev.gradient.tensor.Tensor;
import java.util.Set;

/**
 * A differentiation engine, chosen by name in requests: automatic differentiation (forward or
 * reverse mode) or the numeric reference. An engine declares the products it computes natively
 * (Jacobian-vector products for forward mode, vector-Jacobian products for reverse mode);
 * {@link Derivatives} builds gradients, Jacobians, Hessians and the other product from that.
 * Adding an engine is one new Spring component implementing this.
 *
 * <p>Inputs and outputs are named by index: the {@link Evaluation} holds the function and a
 * value per input, {@code wrt} indexes its inputs and {@code outputs} its outputs.
 */
public interface Engine {

    /** The name requests use, such as {@code "forward"}. */
    String name();

    /** One sentence on how it works, for {@code GET /engines}. */
    String description();

    /** The products it computes natively: {@link Product#JVP} (forward mode), {@link Product#VJP} (reverse mode), or both. */
    Set<Product> nativeProducts();

    /**
     * The element operations that {@code directions} directions of its native product take for
     * {@code f}, differentiated by the inputs {@code wrt} with the outputs {@code outputs},
     * beyond the primal sweep that they share: what the cost model ({@link CostModel}) admits
     * requests by. Saturates at {@link Long#MAX_VALUE}.
     */
    long directionsCost(Compiled f, int[] wrt, int[] outputs, long directions);

    /** Whether {@code "auto"} may choose it: true for the AD engines, false for a reference such as the numeric one. */
    default boolean automatic() {
        return true;
    }

    /**
     * How many directions of its native products a Jacobian with {@code columns} columns
     * (differentiated input elements) and {@code rows} rows (output elements) takes: one per
     * column by JVPs, one per row by VJPs, the fewer where it has both.
     */
    default long jacobianDirections(long columns, long rows) {
        return jacobianByColumns(columns, rows) ? columns : rows;
    }

    /** Whether its Jacobians are built column by column from JVPs (else row by row from VJPs). */
    default boolean jacobianByColumns(long columns, long rows) {
        return nativeProducts().contains(Product.JVP) && (!nativeProducts().contains(Product.VJP) || columns <= rows);
    }

    /**
     * Jacobian-vector products, one per direction: {@code tangents[d][j]} is the tangent of
     * input {@code wrt[j]} in direction {@code d} ({@code null} is zero); the result's
     * {@code [d][k]} is the tangent of output {@code outputs[k]}.
     */
    Tensor[][] jvp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] tangents);

    /**
     * Vector-Jacobian products, one per direction: {@code cotangents[d][k]} is the cotangent of
     * output {@code outputs[k]}; the result's {@code [d][j]} is the cotangent of input {@code wrt[j]}.
     */
    Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents);
}
