package dev.gradient.codegen;

import dev.gradient.op.Primitive;
import dev.gradient.op.ScalarFunctions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The scalar functions of elementwise ops by a number, so that generated source can name an op
 * ({@code Scalars.unary(3)}) in the initialiser of a {@code static final} field, where the JIT
 * treats it as a constant and inlines its {@code f}. Public only because the generated classes
 * live in a class loader of their own and must see it.
 *
 * <p>Numbers are given once per op instance and never reused, so a generated class always
 * names the op it was generated for. The service's ops are singletons; the table is bounded
 * anyway ({@link #MAX_OPS}), past which ops are simply not fused.
 */
public final class Scalars {

    private static final int MAX_OPS = 1_024;
    private static final Map<Primitive, Integer> IDS = new IdentityHashMap<>();
    private static final List<Object> FUNCTIONS = new ArrayList<>();

    private Scalars() {
    }

    /** The number of {@code op}'s scalar function, or -1 if it is not an elementwise op (or the table is full). */
    static synchronized int id(Primitive op) {
        Integer id = IDS.get(op);
        if (id != null) {
            return id;
        }
        Object f = ScalarFunctions.unary(op);
        if (f == null) {
            f = ScalarFunctions.binary(op);
        }
        if (f == null || FUNCTIONS.size() >= MAX_OPS) {
            return -1;
        }
        IDS.put(op, FUNCTIONS.size());
        FUNCTIONS.add(f);
        return FUNCTIONS.size() - 1;
    }

    /** Whether op number {@code id} takes one argument. */
    static synchronized boolean isUnary(int id) {
        return FUNCTIONS.get(id) instanceof DoubleUnaryOperator;
    }

    /** The one-argument function number {@code id}. */
    public static synchronized DoubleUnaryOperator unary(int id) {
        return (DoubleUnaryOperator) FUNCTIONS.get(id);
    }

    /** The two-argument function number {@code id}. */
    public static synchronized DoubleBinaryOperator binary(int id) {
        return (DoubleBinaryOperator) FUNCTIONS.get(id);
    }
}
