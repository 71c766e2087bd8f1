package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * Internal: the chain rule's product of a cotangent and a local partial, where a zero factor
 * gives exactly zero even if the other is infinite or NaN (TensorFlow's
 * {@code multiply_no_nan}, made symmetric). Derivative rules use it, through {@link
 * GraphBuilder#times}, so that a structural zero, such as the zero cotangent of an element a
 * slice dropped, cannot turn into NaN at a point where some partial is infinite (sqrt at 0).
 * The forward engine's tangent products follow the same rule ({@link Elementwise#scale}), so
 * the two modes agree there too. Clients' {@code mul} keeps IEEE semantics: {@code 0 * inf} is NaN.
 */
final class MulNoNan extends BinaryOp {

    MulNoNan() {
        super("mul_no_nan", "mul_no_nan(a, b)", "a * b, but exactly 0 where either is 0.");
    }

    @Override public boolean isPublic() { return false; }
    @Override void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]); }
    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }
    @Override double f(double a, double b) { return Elementwise.scale(a, b); }
    @Override double dfa(double a, double b, double y) { return b; }
    @Override double dfb(double a, double b, double y) { return a; }
    @Override int da(GraphBuilder g, int a, int b, int y) { return b; }
    @Override int db(GraphBuilder g, int a, int b, int y) { return a; }
}
