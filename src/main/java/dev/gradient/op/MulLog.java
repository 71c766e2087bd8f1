package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Internal: {@code a * log(b)}, with IEEE semantics ({@code 0 * log(0)} is NaN). {@link Pow}'s
 * partial by the exponent is built from it. Its partial by {@code b} is written {@code a/b}, one
 * division, where {@code mul(a, log(b))} would give {@code a * (1/b)}: {@code 1/b} overflows
 * for a subnormal {@code b} even where {@code a/b} is an ordinary number.
 */
final class MulLog extends BinaryOp {

    MulLog() {
        super("mul_log", "mul_log(a, b)", "a * log(b).");
    }

    @Override public boolean isPublic() { return false; }
    @Override public String derivativeConvention() { return "log(b) and a/b"; }
    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return a * Math.log(b); }
    @Override double dfa(double a, double b, double y) { return Math.log(b); }
    @Override double dfb(double a, double b, double y) { return a / b; }
    @Override int da(GraphBuilder g, int a, int b, int y) { return g.call("log", b); }
    @Override int db(GraphBuilder g, int a, int b, int y) { return g.call("div", a, b); }
}
