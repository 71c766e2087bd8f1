package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/** {@code a - b}, broadcasting. */
final class Sub extends BinaryOp {

    Sub() {
        super("sub", "a - b", "Difference of a and b, broadcasting.");
    }

    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return a - b; }
    @Override double dfa(double a, double b, double y) { return 1.0; }
    @Override double dfb(double a, double b, double y) { return -1.0; }
    @Override double constantPartial(int arg) { return arg == 0 ? 1.0 : -1.0; }
    @Override int da(GraphBuilder g, int a, int b, int y) { return g.constant(1.0); }
    @Override int db(GraphBuilder g, int a, int b, int y) { return g.constant(-1.0); }
}
