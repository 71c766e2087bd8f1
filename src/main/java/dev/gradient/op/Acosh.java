package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;
import org.hipparchus.util.FastMath;

/**
 * Inverse hyperbolic cosine; NaN below 1. Its derivative {@code 1/sqrt(x^2 - 1)} is written
 * {@code 1/sqrt((x - 1)(x + 1))}, which keeps its accuracy near 1, where it is Infinity.
 */
final class Acosh extends UnaryOp {

    Acosh() {
        super("acosh", "Inverse hyperbolic cosine (x >= 1).");
    }

    @Override public String derivativeConvention() { return "1/sqrt(x^2 - 1); Infinity at 1"; }
    @Override double f(double x) { return FastMath.acosh(x); }
    @Override double df(double x, double y) { return 1.0 / Math.sqrt((x - 1.0) * (x + 1.0)); }

    @Override
    int derivative(GraphBuilder b, int x, int y) {
        int one = b.constant(1.0);
        return b.call("div", one, b.call("sqrt", b.call("mul", b.call("sub", x, one), b.call("add", x, one))));
    }
}
