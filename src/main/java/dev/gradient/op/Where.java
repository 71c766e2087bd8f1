package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * {@code where(cond, a, b)}: {@code a} where {@code cond} is non-zero, else {@code b},
 * broadcasting all three.
 *
 * <p>NaN-safe in every engine, beyond what PyTorch and JAX promise: the branch not taken
 * contributes exactly zero to every derivative, even where its own derivative is NaN or
 * infinite. Forward mode selects tangents instead of multiplying them by a 0/1 mask; reverse
 * mode marks the untaken elements dead through {@link #liveMask}, and the reverse transform
 * zeroes every contribution from dead elements.
 */
final class Where implements Primitive {

    @Override public String name() { return "where"; }
    @Override public Arity arity() { return Arity.exactly(3); }
    @Override public String syntax() { return "where(cond, a, b)"; }
    @Override public String summary() { return "a where cond is non-zero, else b, broadcasting."; }
    @Override public boolean elementwise() { return true; }

    @Override
    public String derivativeConvention() {
        return "cond has zero derivative; the branch not taken contributes exactly zero, even where its derivative is NaN";
    }
    @Override public String higherOrderConvention() { return "the taken branch's derivatives, to every order; the condition has none, and the branch not taken contributes exact zeros"; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        return Elementwise.broadcastShape(name(), args);
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        Shape shape = shape(new Shape[] {args[0].shape(), args[1].shape(), args[2].shape()}, attrs);
        return select(Broadcast.broadcastTo(args[0], shape), args[1], args[2], shape);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        Shape shape = out.shape();
        Tensor cond = Broadcast.broadcastTo(args[0], shape);
        return tangents -> {
            if (tangents[1] == null && tangents[2] == null) {
                return null;
            }
            Tensor ta = tangents[1] == null ? Tensor.zeros(args[1].shape()) : tangents[1];
            Tensor tb = tangents[2] == null ? Tensor.zeros(args[2].shape()) : tangents[2];
            return select(cond, ta, tb, shape);
        };
    }

    private static Tensor select(Tensor cond, Tensor a, Tensor b, Shape shape) {
        Tensor ab = Broadcast.broadcastTo(a, shape);
        Tensor bb = Broadcast.broadcastTo(b, shape);
        double[] out = new double[cond.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cond.get(i) != 0.0 ? ab.get(i) : bb.get(i);
        }
        return Tensor.of(shape, out);
    }

    @Override
    public int[] vjp(GraphBuilder g, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        int zero = g.constant(0.0);
        return new int[] {
            -1,
            needed[1] ? g.sumTo(g.call("where", args[0], cotangent, zero), g.shape(args[1])) : -1,
            needed[2] ? g.sumTo(g.call("where", args[0], zero, cotangent), g.shape(args[2])) : -1
        };
    }

    @Override
    public int liveMask(GraphBuilder g, int arg, int[] args, int out, int outMask, Attrs attrs) {
        if (arg == 0) {
            return -1;
        }
        int taken = g.call("ne", args[0], g.constant(0.0));
        if (arg == 2) {
            taken = g.call("eq", args[0], g.constant(0.0));
        }
        int live = outMask < 0 ? g.broadcastTo(taken, g.shape(out)) : g.call("mul", taken, outMask);
        return Elementwise.liveMask(g, args[arg], live);
    }
}
