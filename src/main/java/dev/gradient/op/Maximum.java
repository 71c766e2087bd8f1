package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * The elementwise larger of {@code a} and {@code b}, broadcasting. On a tie the gradient is
 * split equally between the two, as PyTorch does.
 */
final class Maximum extends BinaryOp {

    Maximum() {
        super("maximum", "max(a, b)", "Elementwise maximum of a and b, broadcasting.");
    }

    @Override public String derivativeConvention() { return "on a tie (a == b) each argument gets half the gradient"; }
    @Override public String higherOrderConvention() { return "on a tie, the derivatives of (a + b)/2: each argument's higher derivatives weighted by 1/2"; }
    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return Math.max(a, b); }
    @Override double dfa(double a, double b, double y) { return a > b ? 1.0 : a == b ? 0.5 : 0.0; }
    @Override double dfb(double a, double b, double y) { return b > a ? 1.0 : a == b ? 0.5 : 0.0; }
    @Override int da(GraphBuilder g, int a, int b, int y) { return share(g, a, b); }
    @Override int db(GraphBuilder g, int a, int b, int y) { return share(g, b, a); }

    /** 1 where {@code mine > other}, 0.5 on a tie, else 0. */
    static int share(GraphBuilder g, int mine, int other) {
        return g.call("add", g.call("gt", mine, other), g.call("mul", g.constant(0.5), g.call("eq", mine, other)));
    }
}
