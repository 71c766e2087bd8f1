package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * {@code sqrt(a^2 + b^2)} without overflow or underflow in between, broadcasting. Partials
 * {@code a/y} and {@code b/y}, written as {@link HypotRatio} ({@code hypot_ratio(a, b)} and
 * {@code hypot_ratio(b, a)}), whose own derivatives do not cancel where one argument is small
 * beside the other, as those of {@code a/y} would; at the origin both are NaN (0/0), as in
 * PyTorch.
 */
final class Hypot extends BinaryOp {

    Hypot() {
        super("hypot", "hypot(a, b)", "sqrt(a^2 + b^2) without intermediate overflow, broadcasting.");
    }

    @Override public String derivativeConvention() { return "a/hypot(a, b) and b/hypot(a, b); NaN at a = b = 0 (as PyTorch)"; }
    @Override public String higherOrderConvention() { return "the derivatives of a/hypot(a, b) and b/hypot(a, b); NaN at a = b = 0 at every order"; }
    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return Math.hypot(a, b); }
    @Override double dfa(double a, double b, double y) { return HypotRatio.ratio(a, b); }
    @Override double dfb(double a, double b, double y) { return HypotRatio.ratio(b, a); }
    @Override int da(GraphBuilder g, int a, int b, int y) { return g.call("hypot_ratio", a, b); }
    @Override int db(GraphBuilder g, int a, int b, int y) { return g.call("hypot_ratio", b, a); }
}
