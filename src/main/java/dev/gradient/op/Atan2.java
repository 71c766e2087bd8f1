package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * The angle of the point {@code (b, a)}, {@code atan(a/b)} in the right quadrant, broadcasting.
 * Partials {@code b/(a^2 + b^2)} and {@code -a/(a^2 + b^2)}; at the origin both are NaN
 * (0 times Infinity), as in PyTorch.
 */
final class Atan2 extends BinaryOp {

    Atan2() {
        super("atan2", "atan2(a, b)", "The angle of the point (b, a) in radians, in (-pi, pi], broadcasting.");
    }

    @Override public String derivativeConvention() { return "b/(a^2 + b^2) and -a/(a^2 + b^2); NaN at a = b = 0 (as PyTorch)"; }
    @Override public String higherOrderConvention() { return "the derivatives of b/(a^2 + b^2) and -a/(a^2 + b^2); NaN at a = b = 0 at every order"; }
    @Override double f(double a, double b) { return Math.atan2(a, b); }
    @Override double dfa(double a, double b, double y) { return b / (a * a + b * b); }
    @Override double dfb(double a, double b, double y) { return -a / (a * a + b * b); }
    @Override int da(GraphBuilder g, int a, int b, int y) { return g.call("div", b, radiusSquared(g, a, b)); }
    @Override int db(GraphBuilder g, int a, int b, int y) { return g.call("div", g.call("neg", a), radiusSquared(g, a, b)); }

    private static int radiusSquared(GraphBuilder g, int a, int b) {
        return g.call("add", g.call("mul", a, a), g.call("mul", b, b));
    }
}
