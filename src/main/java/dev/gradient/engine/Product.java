package dev.gradient.engine;

/**
 * What can be asked of a function at a point: the products the HTTP API offers. {@link #JVP}
 * and {@link #VJP} are also what engines compute natively ({@link Engine#nativeProducts}), and
 * every other derivative is built from one of those two.
 */
public enum Product {
    /** The value of every output. */
    EVALUATE,
    /** A scalar output's value and gradient. */
    GRADIENT,
    /** Every output's Jacobian. */
    JACOBIAN,
    /** A scalar output's Hessian: the Jacobian of its gradient. */
    HESSIAN,
    /** A Jacobian-vector product. */
    JVP,
    /** A vector-Jacobian product. */
    VJP;

    /**
     * The native product that {@code "auto"} prefers between engines that need as many
     * directions: the contract's "forward where the inputs have fewer elements than the
     * outputs, else reverse" for gradients and Jacobians, forward over reverse for Hessians, and
     * each product's own native engine for JVPs and VJPs.
     */
    Product preferredOnTie() {
        return switch (this) {
            case GRADIENT, JACOBIAN, VJP -> VJP;
            case EVALUATE, HESSIAN, JVP -> JVP;
        };
    }
}
