package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;
import org.hipparchus.util.FastMath;

/**
 * Inverse hyperbolic tangent; ±Infinity at ±1, NaN beyond; derivative {@code 1/(1 - x^2)},
 * Infinity at ±1, with {@code 1 - x^2} computed by {@link OneMinusSquare} so that it keeps its
 * digits near ±1 and its own derivatives keep theirs near 0.
 */
final class Atanh extends UnaryOp {

    Atanh() {
        super("atanh", "Inverse hyperbolic tangent (|x| <= 1).");
    }

    @Override public String derivativeConvention() { return "1/(1 - x^2); Infinity at -1 and 1"; }
    @Override void kernel(double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] = f(x[i]); }
    @Override void derivativeKernel(double[] x, double[] y, double[] d) { for (int i = 0; i < d.length; i++) d[i] = df(x[i], y[i]); }
    @Override double f(double x) { return FastMath.atanh(x); }
    @Override double df(double x, double y) { return 1.0 / OneMinusSquare.of(x); }
    @Override int derivative(GraphBuilder b, int x, int y) { return b.call("div", b.constant(1.0), OneMinusSquare.of(b, x)); }
}
