package dev.gradient.op;

import java.util.Map;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Every scalar op of the op set written again with Hipparchus {@link DerivativeStructure}s,
 * which carry exact derivatives to any order: the oracle of {@link ThirdOrderOracleTest}.
 *
 * <p>Where an op's first derivative has a convention at a point (a kink or a tie), the oracle
 * implements the function that convention differentiates: at {@code abs(0)} and {@code relu(0)}
 * a constant zero, at a tie of {@code maximum} the mean of both arguments. Their derivatives of
 * every order are then what the service's rules must give there too.
 */
final class ScalarOracle {

    /** One op's oracle: the op applied to its arguments' derivative structures. */
    @FunctionalInterface
    interface Rule extends Function<DerivativeStructure[], DerivativeStructure> {
    }

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    /** The unary ops, by name. */
    static final Map<String, Rule> UNARY = Map.ofEntries(
            Map.entry("neg", a -> a[0].negate()),
            Map.entry("identity", a -> a[0]),
            Map.entry("exp", a -> a[0].exp()),
            Map.entry("log", a -> a[0].log()),
            Map.entry("log1p", a -> a[0].log1p()),
            Map.entry("expm1", a -> a[0].expm1()),
            Map.entry("sqrt", a -> a[0].sqrt()),
            Map.entry("cbrt", a -> a[0].cbrt()),
            Map.entry("square", a -> a[0].square()),
            Map.entry("sin", a -> a[0].sin()),
            Map.entry("cos", a -> a[0].cos()),
            Map.entry("tan", a -> a[0].tan()),
            Map.entry("asin", a -> a[0].asin()),
            Map.entry("acos", a -> a[0].acos()),
            Map.entry("atan", a -> a[0].atan()),
            Map.entry("sinh", a -> a[0].sinh()),
            Map.entry("cosh", a -> a[0].cosh()),
            Map.entry("tanh", a -> a[0].tanh()),
            Map.entry("asinh", a -> a[0].asinh()),
            Map.entry("acosh", a -> a[0].acosh()),
            Map.entry("atanh", a -> a[0].atanh()),
            Map.entry("abs", a -> a[0].getValue() == 0 ? zero(a[0]) : a[0].abs()),
            Map.entry("sign", a -> a[0].getField().getZero().add(Math.signum(a[0].getValue()))),
            Map.entry("relu", a -> a[0].getValue() > 0 ? a[0] : zero(a[0])),
            Map.entry("sigmoid", a -> a[0].negate().exp().add(1).reciprocal()),
            Map.entry("softplus", a -> a[0].getValue() > 0 ? a[0].negate().exp().log1p().add(a[0]) : a[0].exp().log1p()),
            Map.entry("erf", a -> erf(a[0])),
            // reductions of one scalar are the scalar (norm: its absolute value, with norm'(0) = 0)
            Map.entry("sum", a -> a[0]),
            Map.entry("mean", a -> a[0]),
            Map.entry("prod", a -> a[0]),
            Map.entry("max", a -> a[0]),
            Map.entry("min", a -> a[0]),
            Map.entry("logsumexp", a -> a[0]),
            Map.entry("norm", a -> a[0].getValue() == 0 ? zero(a[0]) : a[0].abs()));

    /** The binary elementwise ops, by name. */
    static final Map<String, Rule> BINARY = Map.ofEntries(
            Map.entry("add", a -> a[0].add(a[1])),
            Map.entry("sub", a -> a[0].subtract(a[1])),
            Map.entry("mul", a -> a[0].multiply(a[1])),
            Map.entry("div", a -> a[0].divide(a[1])),
            Map.entry("pow", a -> a[0].pow(a[1])),
            Map.entry("maximum", a -> extremum(a[0], a[1], 1)),
            Map.entry("minimum", a -> extremum(a[0], a[1], -1)),
            Map.entry("atan2", a -> a[0].atan2(a[1])),
            Map.entry("hypot", a -> hypot(a[0], a[1])),
            Map.entry("lt", a -> indicator(a[0], a[0].getValue() < a[1].getValue())),
            Map.entry("le", a -> indicator(a[0], a[0].getValue() <= a[1].getValue())),
            Map.entry("gt", a -> indicator(a[0], a[0].getValue() > a[1].getValue())),
            Map.entry("ge", a -> indicator(a[0], a[0].getValue() >= a[1].getValue())),
            Map.entry("eq", a -> indicator(a[0], a[0].getValue() == a[1].getValue())),
            Map.entry("ne", a -> indicator(a[0], a[0].getValue() != a[1].getValue())));

    /**
     * The reductions and products of two scalars stacked into a vector, {@code op(vector(a, b))},
     * and {@code softmax}'s and {@code log_softmax}'s first element.
     */
    static final Map<String, Rule> OF_PAIR = Map.ofEntries(
            Map.entry("sum", a -> a[0].add(a[1])),
            Map.entry("mean", a -> a[0].add(a[1]).divide(2)),
            Map.entry("prod", a -> a[0].multiply(a[1])),
            Map.entry("max", a -> extremum(a[0], a[1], 1)),
            Map.entry("min", a -> extremum(a[0], a[1], -1)),
            Map.entry("logsumexp", a -> a[0].exp().add(a[1].exp()).log()),
            Map.entry("norm", a -> a[0].getValue() == 0 && a[1].getValue() == 0 ? zero(a[0]) : hypot(a[0], a[1])),
            Map.entry("dot", a -> a[0].square().add(a[1].square())),
            Map.entry("softmax", a -> a[0].exp().divide(a[0].exp().add(a[1].exp()))),
            Map.entry("log_softmax", a -> a[0].subtract(a[0].exp().add(a[1].exp()).log())));

    private ScalarOracle() {
    }

    private static DerivativeStructure zero(DerivativeStructure like) {
        return like.getField().getZero();
    }

    private static DerivativeStructure indicator(DerivativeStructure like, boolean holds) {
        return zero(like).add(holds ? 1 : 0);
    }

    /** {@code maximum} ({@code sign = 1}) or {@code minimum}; on a tie the mean, which splits the derivative. */
    private static DerivativeStructure extremum(DerivativeStructure a, DerivativeStructure b, int sign) {
        double difference = sign * (a.getValue() - b.getValue());
        return difference > 0 ? a : difference < 0 ? b : a.add(b).divide(2);
    }

    /**
     * {@code sqrt(a^2 + b^2)}: Hipparchus' own {@code hypot} returns {@code |a|} where {@code b}
     * is negligible next to {@code a}, zero included, and so drops {@code b}'s second derivatives.
     */
    private static DerivativeStructure hypot(DerivativeStructure a, DerivativeStructure b) {
        return a.square().add(b.square()).sqrt();
    }

    /** erf by its Taylor coefficients at the point: erf' = 2/sqrt(pi) e^(-x^2), erf'' = -2x erf', erf''' = (4x^2 - 2) erf'. */
    private static DerivativeStructure erf(DerivativeStructure x) {
        double v = x.getValue();
        double d1 = TWO_OVER_SQRT_PI * Math.exp(-v * v);
        return x.compose(org.hipparchus.special.Erf.erf(v), d1, -2 * v * d1, (4 * v * v - 2) * d1);
    }
}
