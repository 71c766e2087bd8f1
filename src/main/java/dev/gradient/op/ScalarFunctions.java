package dev.gradient.op;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The scalar function {@code f} of an elementwise primitive, for code that applies it element
 * by element outside this package: the code generator's fused loops ({@code dev.gradient.codegen}),
 * whose values must be bit for bit those of the op's own kernel, so they call the very same
 * {@code f}.
 *
 * <p>A caller should keep the returned function in a {@code static final} field of its own
 * class and call it from there: the JIT then treats it, and the op it is bound to, as
 * constants, so {@code f} inlines into the caller's loop. Every op's kernel is {@code f} per
 * element (an op's faster path is bit for bit the same), so a loop over this function computes
 * exactly what {@link Primitive#apply} does for operands of the result's size or a single
 * element; other broadcasts are the caller's to rule out.
 */
public final class ScalarFunctions {

    private ScalarFunctions() {
    }

    /** {@code f} of {@code op} if it is an elementwise one-argument primitive, else {@code null}. */
    public static DoubleUnaryOperator unary(Primitive op) {
        return op instanceof UnaryOp unary ? unary::f : null;
    }

    /** {@code f(a, b)} of {@code op} if it is an elementwise two-argument primitive, else {@code null}. */
    public static DoubleBinaryOperator binary(Primitive op) {
        return op instanceof BinaryOp binary ? binary::f : null;
    }
}
