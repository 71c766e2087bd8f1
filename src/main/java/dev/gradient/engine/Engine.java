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
     * How many sweeps of about one evaluation's cost one direction of a native product takes:
     * 1 for the AD engines, more for an engine that evaluates the function at several points
     * per direction. The cost model ({@link CostModel}) counts with it.
     */
    long sweepsPerDirection();

    /** Whether {@code "auto"} may choose it: true for the AD engines, false for a reference such as the numeric one. */
    default boolean automatic() {
        return true;
    }

    /**
     * How many sweeps a Jacobian with {@code columns} columns (differentiated input elements)
     * and {@code rows} rows (output elements) takes by its native products: one direction per
     * column by JVPs, per row by VJPs, the fewer where it has both. Saturates at {@link Long#MAX_VALUE}.
     */
    default long jacobianSweeps(long columns, long rows) {
        long directions = Long.MAX_VALUE;
        if (nativeProducts().contains(Product.JVP)) {
            directions = columns;
        }
        if (nativeProducts().contains(Product.VJP)) {
            directions = Math.min(directions, rows);
        }
        return Cost.multiply(directions, sweepsPerDirection());
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
