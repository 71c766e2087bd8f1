package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;

/**
 * The logistic function {@code 1/(1 + e^-x)}, as a composite: {@code where(x >= 0, 1/(1 + e^-x),
 * e^x/(1 + e^x))}. Each branch only exponentiates a non-positive number, so nothing overflows
 * (at ±800 the values are 1 and 0 and the derivatives 0), and both tails keep their relative
 * accuracy (sigmoid(-40) is 4.2e-18, not 0). Both branches are the same analytic function, so
 * derivatives of every order are exact at 0 too; the NaN-safe {@code where} keeps the branch
 * not taken, which may overflow, out of every derivative.
 */
final class Sigmoid implements Composite {

    @Override public String name() { return "sigmoid"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public String syntax() { return "sigmoid(x)"; }
    @Override public String summary() { return "The logistic function 1/(1 + e^-x)."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        int x = args[0];
        int one = b.constant(1.0);
        int positive = b.call("div", one, b.call("add", one, b.call("exp", b.call("neg", x))));
        int ex = b.call("exp", x);
        int negative = b.call("div", ex, b.call("add", one, ex));
        return b.call("where", b.call("ge", x, b.constant(0.0)), positive, negative);
    }
}
