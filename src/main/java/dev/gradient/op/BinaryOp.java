package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Base of the elementwise two-argument primitives, which broadcast as NumPy does. A subclass
 * gives {@code f} and its two partial derivatives, as numbers and as graph nodes.
 */
abstract class BinaryOp implements Primitive {

    private final String name;
    private final String syntax;
    private final String summary;

    BinaryOp(String name, String syntax, String summary) {
        this.name = name;
        this.syntax = syntax;
        this.summary = summary;
    }

    /** The function. */
    abstract double f(double a, double b);

    /** Its partial derivative by {@code a}, where {@code y = f(a, b)}. */
    abstract double dfa(double a, double b, double y);

    /** Its partial derivative by {@code b}, where {@code y = f(a, b)}. */
    abstract double dfb(double a, double b, double y);

    /** The partial by {@code a} as nodes of {@code g}; may have any shape that broadcasts to the output's. */
    abstract int da(GraphBuilder g, int a, int b, int y);

    /** The partial by {@code b} as nodes of {@code g}; may have any shape that broadcasts to the output's. */
    abstract int db(GraphBuilder g, int a, int b, int y);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public final String syntax() {
        return syntax;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Shape shape(Shape[] args, Attrs attrs) {
        return Elementwise.broadcastShape(name, args);
    }

    @Override
    public final Tensor apply(Tensor[] args, Attrs attrs) {
        Shape shape = Shape.broadcast(args[0].shape(), args[1].shape());
        int[] ia = Broadcast.indexMap(args[0].shape(), shape);
        int[] ib = Broadcast.indexMap(args[1].shape(), shape);
        double[] a = args[0].values();
        double[] b = args[1].values();
        double[] y = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < y.length; i++) {
            y[i] = f(a[ia == null ? i : ia[i]], b[ib == null ? i : ib[i]]);
        }
        return Tensor.of(shape, y);
    }

    @Override
    public final Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        Shape shape = out.shape();
        int[] ia = Broadcast.indexMap(args[0].shape(), shape);
        int[] ib = Broadcast.indexMap(args[1].shape(), shape);
        double[] a = args[0].values();
        double[] b = args[1].values();
        double[] y = out.values();
        double[] pa = new double[y.length];
        double[] pb = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double ai = a[ia == null ? i : ia[i]];
            double bi = b[ib == null ? i : ib[i]];
            pa[i] = dfa(ai, bi, y[i]);
            pb[i] = dfb(ai, bi, y[i]);
        }
        return tangents -> {
            if (tangents[0] == null && tangents[1] == null) {
                return null;
            }
            double[] t = new double[y.length];
            if (tangents[0] != null) {
                double[] ta = tangents[0].values();
                for (int i = 0; i < t.length; i++) {
                    t[i] = Elementwise.scale(ta[ia == null ? i : ia[i]], pa[i]);
                }
            }
            if (tangents[1] != null) {
                double[] tb = tangents[1].values();
                for (int i = 0; i < t.length; i++) {
                    t[i] += Elementwise.scale(tb[ib == null ? i : ib[i]], pb[i]);
                }
            }
            return Tensor.of(shape, t);
        };
    }

    @Override
    public final int[] vjp(GraphBuilder g, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        int a = args[0];
        int b = args[1];
        return new int[] {
            needed[0] ? g.sumTo(g.times(cotangent, da(g, a, b, out)), g.shape(a)) : -1,
            needed[1] ? g.sumTo(g.times(cotangent, db(g, a, b, out)), g.shape(b)) : -1
        };
    }

    @Override
    public final int liveMask(GraphBuilder g, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return Elementwise.liveMask(g, args[arg], outMask);
    }
}
