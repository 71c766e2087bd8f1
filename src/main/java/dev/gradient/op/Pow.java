package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;

/**
 * {@code a^b}, elementwise, broadcasting, with {@link Math#pow}'s values ({@code 0^0 = 1},
 * a negative base with a non-integer exponent is NaN).
 *
 * <p>Derivatives as in PyTorch's {@code pow_backward}: {@code d/da = b a^(b-1)} but 0 where
 * {@code b == 0}; {@code d/db = a^b log(a)} but 0 where {@code a == 0} and {@code b >= 0}.
 * The first is written as a product whose zero factor is exact ({@code mul_no_nan}), so that
 * it is 0 at {@code b == 0} and its own derivative by {@code b} is the true {@code a^(b-1)};
 * the second with {@code where}, which is NaN-safe, so the discarded branch ({@code log(0)})
 * leaks into no derivative of any order.
 *
 * <p>{@code d/db} is {@code mul_log(a^b, a)} ({@link MulLog}, whose derivative by {@code a} is
 * {@code a^b/a} in one division) where {@code a^b} is a normal number, and the same function
 * written {@code a * mul_log(a^(b-1), a)} where {@code a^b} has underflowed or overflowed:
 * otherwise the mixed partial {@code d/da d/db} would lose the term {@code a^(b-1)} that {@code
 * d/db d/da} keeps (at {@code a = 1e-300, b = 1.1}, {@code a^b} is 0 but {@code a^(b-1)} is
 * 1e-30), and the Hessian would not be symmetric. The branch's condition has a zero derivative
 * and both branches are the same analytic function, so every derivative order is exact.
 */
final class Pow extends BinaryOp {

    Pow() {
        super("pow", "a ^ b or a ** b", "a raised to the power b, elementwise, broadcasting.");
    }

    @Override
    public String derivativeConvention() {
        return "d/da = b*a^(b-1), but 0 where b == 0; d/db = a^b*log(a), but 0 where a == 0 and b >= 0 (as PyTorch)";
    }
    @Override public String higherOrderConvention() { return "the derivatives of b*a^(b-1) and a^b*log(a): at b == 0 the first is 0 but its derivative by b is a^(b-1); where a == 0 and b >= 0 the second is 0 with every derivative"; }

    @Override
    void kernel(double[] a, int aStep, double[] b, int bStep, double[] y) {
        if (bStep == 0 && b[0] == 2.0) {
            // x^2, the common case, without Math.pow: x * x is bit for bit Math.pow(x, 2.0) for
            // every double (ElementwiseKernelsBitForBitTest). x^3 and x^-1 are not (x * x * x
            // and 1 / x differ from Math.pow in the last bit), nor is sqrt for x^0.5, so they stay.
            for (int i = 0; i < y.length; i++) {
                double x = a[i * aStep];
                y[i] = x * x;
            }
            return;
        }
        for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]);
    }

    @Override void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb) {
        if (pa != null && bStep == 0 && b[0] == 2.0) {
            // 2 * Math.pow(x, 1.0) is 2 * x exactly: Math.pow returns x itself for an exponent of 1
            for (int i = 0; i < y.length; i++) {
                pa[i] = 2.0 * a[i * aStep];
            }
        } else if (pa != null) { for (int i = 0; i < y.length; i++) { pa[i] = dfa(a[i * aStep], b[i * bStep], y[i]); } }
        if (pb != null) { for (int i = 0; i < y.length; i++) { pb[i] = dfb(a[i * aStep], b[i * bStep], y[i]); } }
    }

    @Override double f(double a, double b) { return Math.pow(a, b); }
    @Override double dfa(double a, double b, double y) { return b == 0.0 ? 0.0 : b * Math.pow(a, b - 1.0); }

    @Override
    double dfb(double a, double b, double y) {
        if (a == 0.0 && b >= 0.0) {
            return 0.0;
        }
        return keepsRange(y) || a == 0.0 ? y * Math.log(a) : a * (Math.pow(a, b - 1.0) * Math.log(a));
    }

    /** Whether {@code a^b} is a normal number, so that dividing it by {@code a} loses nothing. */
    private static boolean keepsRange(double power) {
        double magnitude = Math.abs(power);
        return magnitude >= Double.MIN_NORMAL && magnitude < Double.POSITIVE_INFINITY;
    }

    @Override
    int da(GraphBuilder g, int a, int b, int y) {
        Double exponent = g.scalarConstant(b);
        if (exponent != null) {
            // x^2, x^3, x^0.5: the common case, written without the where that a varying exponent needs
            double c = exponent;
            return c == 0.0 ? g.constant(0.0) : c == 1.0 ? g.constant(1.0) : c == 2.0 ? g.call("mul", b, a)
                    : g.call("mul", b, g.call("pow", a, g.constant(c - 1.0)));
        }
        // b * a^(b-1) with a zero factor exact: 0 where b == 0 even at a == 0 (where a^(b-1) is
        // infinite), yet differentiable by b there, with the true a^(b-1); a where() mask would
        // make the second derivative by b vanish at b == 0
        return g.times(b, g.call("pow", a, g.call("sub", b, g.constant(1.0))));
    }

    @Override
    int db(GraphBuilder g, int a, int b, int y) {
        int zero = g.constant(0.0);
        int zeroBase = g.call("mul", g.call("eq", a, zero), g.call("ge", b, zero));
        int magnitude = g.call("abs", y);
        int keepsRange = g.call("mul", g.call("ge", magnitude, g.constant(Double.MIN_NORMAL)),
                g.call("lt", magnitude, g.constant(Double.POSITIVE_INFINITY)));
        int direct = g.call("mul_log", y, a);
        int lowerPower = g.call("pow", a, g.call("sub", b, g.constant(1.0)));
        int throughLowerPower = g.call("mul", a, g.call("mul_log", lowerPower, a));
        int general = g.call("where", g.call("add", keepsRange, g.call("eq", a, zero)), direct, throughLowerPower);
        return g.call("where", zeroBase, zero, general);
    }
}
