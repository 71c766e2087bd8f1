package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;

/**
 * {@code log(1 + e^x)}, as a composite: {@code where(x > 0, x + log1p(e^-x), log1p(e^x))}. Each
 * branch only exponentiates a non-positive number, so nothing overflows (softplus(800) is 800,
 * softplus(-800) is 0). Both branches are the same analytic function, and the NaN-safe {@code
 * where} keeps the branch not taken (which overflows far from 0) out of every derivative, so
 * derivatives of every order are exact everywhere, at 0 included: softplus'(0) = 1/2.
 */
final class Softplus implements Composite {

    @Override public String name() { return "softplus"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public String syntax() { return "softplus(x)"; }
    @Override public String summary() { return "log(1 + e^x), computed without overflow."; }

    @Override
    public int expand(GraphBuilder b, int[] args, Attrs attrs) {
        int x = args[0];
        int positive = b.call("add", x, b.call("log1p", b.call("exp", b.call("neg", x))));
        int negative = b.call("log1p", b.call("exp", x));
        return b.call("where", b.call("gt", x, b.constant(0.0)), positive, negative);
    }
}
