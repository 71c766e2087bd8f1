package dev.gradient.engine;

/**
 * What can be asked of a function at a point: the products the HTTP API offers. {@link #JVP}
 * and {@link #VJP} are also what engines compute natively ({@link Engine#nativeProducts}), and
 * every other derivative is built from one of those two.
 */
public enum Product {
    /** The value of every output. */
    EVALUATE(Product.FORWARD_ON_TIE),
    /** A scalar output's value and gradient. */
    GRADIENT(Product.REVERSE_ON_TIE),
    /** Every output's Jacobian. */
    JACOBIAN(Product.REVERSE_ON_TIE),
    /** A scalar output's Hessian: the Jacobian of its gradient, forward over reverse where costs tie. */
    HESSIAN(Product.FORWARD_ON_TIE),
    /** A Jacobian-vector product. */
    JVP(Product.FORWARD_ON_TIE),
    /** A vector-Jacobian product. */
    VJP(Product.REVERSE_ON_TIE);

    private static final boolean FORWARD_ON_TIE = true;
    private static final boolean REVERSE_ON_TIE = false;

    private final boolean forwardOnTie;

    Product(boolean forwardOnTie) {
        this.forwardOnTie = forwardOnTie;
    }

    /**
     * The native product that {@code "auto"} prefers between engines whose estimates tie: the
     * contract's "forward where the inputs have fewer elements than the outputs, else reverse"
     * for gradients and Jacobians, forward over reverse for Hessians, and each product's own
     * native engine for JVPs and VJPs.
     */
    Product preferredOnTie() {
        return forwardOnTie ? JVP : VJP;
    }
}
