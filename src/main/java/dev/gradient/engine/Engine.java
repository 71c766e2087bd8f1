package dev.gradient.engine;

import dev.gradient.tensor.Tensor;

/**
 * A differentiation engine, chosen by name in requests: automatic differentiation (forward or
 * reverse mode) or the numeric reference. An engine computes one kind of product natively
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

    /** Whether it computes JVPs natively (forward mode) rather than VJPs (reverse mode). */
    boolean forwardNative();

    /**
     * How many evaluations of the function (or sweeps of about that cost) one direction of its
     * native product takes: 1 for the AD engines, more for an engine that evaluates the function
     * at several points per direction. The cost limit counts with it.
     */
    long evaluationsPerDirection();

    /**
     * How many evaluations a Jacobian with {@code columns} columns (differentiated input
     * elements) and {@code rows} rows (output elements) takes by the native product: one
     * direction per column for forward mode, per row for reverse mode. Saturates at {@link Long#MAX_VALUE}.
     */
    default long evaluations(long columns, long rows) {
        long directions = forwardNative() ? columns : rows;
        long each = evaluationsPerDirection();
        return directions > Long.MAX_VALUE / each ? Long.MAX_VALUE : directions * each;
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
