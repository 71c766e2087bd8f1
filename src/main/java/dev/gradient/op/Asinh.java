package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;
import org.hipparchus.util.FastMath;

/**
 * Inverse hyperbolic sine; derivative {@code 1/sqrt(x^2 + 1)}, written {@code 1/hypot(x, 1)}
 * so that {@code x^2} cannot overflow for large {@code |x|}.
 */
final class Asinh extends UnaryOp {

    Asinh() {
        super("asinh", "Inverse hyperbolic sine.");
    }

    @Override double f(double x) { return FastMath.asinh(x); }
    @Override double df(double x, double y) { return 1.0 / Math.hypot(x, 1.0); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(1.0), b.call("hypot", x, b.constant(1.0))); }
}
