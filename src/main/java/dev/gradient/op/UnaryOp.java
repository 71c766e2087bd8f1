package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Base of the elementwise one-argument primitives: a subclass gives {@code f}, its derivative
 * as a number ({@link #df}, for the forward engine) and as graph nodes ({@link #derivative},
 * for the reverse pass, which must itself be differentiable), and {@link #kernel} and {@link
 * #derivativeKernel}, the loops that apply {@code f} and {@code df} to whole arrays.
 *
 * <p>Every registered op repeats these one-line loops rather than inheriting them from here,
 * because a loop here would call {@code f} (or {@code df}) from a call site that every op
 * shares: the JIT sees it as megamorphic and makes a virtual call per element, which it can neither inline nor
 * vectorise. In each final class the same line is its own bytecode whose receiver is exactly
 * that class, so {@code f} inlines into it ({@link BinaryOp} says the same, and what else was
 * weighed).
 */
abstract class UnaryOp implements Primitive {

    private final String name;
    private final String summary;

    UnaryOp(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    /** The function. */
    abstract double f(double x);

    /**
     * {@code y[i] = f(x[i])} for every {@code i}. Every registered op overrides it with its own
     * copy of this loop, written {@code for (int i = 0; i < y.length; i++) y[i] = f(x[i]);}, so
     * that its call of {@code f} is monomorphic (see the class comment; a test holds every
     * registered op to it). This shared copy is only for ops that tests define.
     */
    void kernel(double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = f(x[i]);
        }
    }

    /**
     * {@code d[i] = df(x[i], y[i])} for every {@code i}: the local derivatives that forward
     * mode's linearization keeps, overridden by every registered op for the same reason as
     * {@link #kernel}. This shared copy is only for ops that tests define.
     */
    void derivativeKernel(double[] x, double[] y, double[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = df(x[i], y[i]);
        }
    }

    /** Its derivative at {@code x}, where {@code y = f(x)}. */
    abstract double df(double x, double y);

    /** Its derivative as nodes of {@code b}, given the nodes of {@code x} and {@code y = f(x)}. */
    abstract int derivative(GraphBuilder b, int x, int y);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public String syntax() {
        return name + "(x)";
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final boolean elementwise() {
        return true;
    }

    @Override
    public final Shape shape(Shape[] args, Attrs attrs) {
        return args[0];
    }

    @Override
    public final Tensor apply(Tensor[] args, Attrs attrs) {
        return apply(args, attrs, Arena.none());
    }

    @Override
    public final Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        double[] x = args[0].values();
        double[] y = arena.take(x.length);
        kernel(x, y);
        return Tensor.of(args[0].shape(), y);
    }

    @Override
    public final Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        double[] d = derivatives(args[0], out, Arena.none());
        return tangents -> tangents[0] == null ? null : Elementwise.multiply(tangents[0], d, Arena.none());
    }

    /**
     * The same local derivatives as {@link #linearize}, applied to cotangents: the map is
     * diagonal, its own transpose. Not final only so that a test op can get it wrong.
     */
    @Override
    public Pullback pullback() {
        return new Pullback() {
            @Override
            public Vjp at(Tensor[] args, Tensor out, Attrs attrs, boolean[] needed, Arena arena) {
                double[] d = derivatives(args[0], out, arena);
                return new Vjp() {
                    @Override
                    public Tensor[] apply(Tensor cotangent) {
                        return new Tensor[] {Elementwise.multiply(cotangent, d, arena)};
                    }

                    @Override
                    public void done() {
                        arena.recycle(d);
                    }
                };
            }

            @Override
            public boolean scalarAt(double[] args, double out, boolean[] needed, double cotangent, double[] contributions) {
                contributions[0] = Elementwise.scale(cotangent, df(args[0], out));
                return true;
            }
        };
    }

    private double[] derivatives(Tensor x, Tensor y, Arena arena) {
        double[] d = arena.take(x.size());
        derivativeKernel(x.values(), y.values(), d);
        return d;
    }

    @Override
    public final int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? b.times(cotangent, derivative(b, args[0], out)) : -1};
    }

    @Override
    public final int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask;
    }
}
