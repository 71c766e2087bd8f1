package dev.gradient.op;

import java.util.List;

/**
 * An operation that graph nodes apply: either a {@link Primitive}, which engines run and
 * differentiate directly, or a {@link Composite}, defined by other ops and expanded when a
 * graph is compiled, so that its derivatives come for free.
 */
public sealed interface Op permits Primitive, Composite {

    /** The name used as a graph node's {@code op} and as an expression's function name. */
    String name();

    /** How many arguments it takes. */
    Arity arity();

    /** The attributes it accepts. */
    default List<AttrSpec> attrs() {
        return List.of();
    }

    /** How an expression writes it, such as {@code "sum(x, axis=0)"} or {@code "x + y"}. */
    String syntax();

    /** One sentence on what it computes. */
    String summary();

    /** Its derivative convention at kinks and singular points ("smooth" where there are none). */
    default String derivativeConvention() {
        return "smooth where defined";
    }

    /**
     * What its second and higher derivatives are: the derivatives of its first-derivative rule,
     * wherever that rule is itself differentiable; ops whose rule is a branch or a mask say
     * what the branch gives at the point where it switches.
     */
    default String higherOrderConvention() {
        return "the derivatives of the first derivative, to every order";
    }

    /** Whether clients may name it; internal ops only appear in derivative graphs. */
    default boolean isPublic() {
        return true;
    }
}
