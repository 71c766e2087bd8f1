package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * The angle of the point {@code (b, a)}, {@code atan(a/b)} in the right quadrant, broadcasting.
 * Partials {@code b/(a^2 + b^2)} and {@code -a/(a^2 + b^2)}, computed as {@code (b/h)/h} and
 * {@code -(a/h)/h} with {@code h = hypot(a, b)} and the ratios by {@link HypotRatio}: {@code a^2
 * + b^2} overflows past 1e154 and underflows below 1e-154, and the ratios' derivatives do not
 * cancel. At the origin both are NaN (0/0), as in PyTorch.
 */
final class Atan2 extends BinaryOp {

    Atan2() {
        super("atan2", "atan2(a, b)", "The angle of the point (b, a) in radians, in (-pi, pi], broadcasting.");
    }

    @Override public String derivativeConvention() { return "b/(a^2 + b^2) and -a/(a^2 + b^2); NaN at a = b = 0 (as PyTorch)"; }
    @Override public String higherOrderConvention() { return "the derivatives of b/(a^2 + b^2) and -a/(a^2 + b^2); NaN at a = b = 0 at every order"; }
    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return Math.atan2(a, b); }
    @Override double dfa(double a, double b, double y) { return HypotRatio.ratio(b, a) / Math.hypot(a, b); }
    @Override double dfb(double a, double b, double y) { return -(HypotRatio.ratio(a, b) / Math.hypot(a, b)); }
    @Override int da(GraphBuilder g, int a, int b, int y) { return g.call("div", g.call("hypot_ratio", b, a), g.call("hypot", a, b)); }
    @Override int db(GraphBuilder g, int a, int b, int y) { return g.call("neg", g.call("div", g.call("hypot_ratio", a, b), g.call("hypot", a, b))); }
}
