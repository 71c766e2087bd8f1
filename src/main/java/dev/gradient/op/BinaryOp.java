package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Base of the elementwise two-argument primitives, which broadcast as NumPy does. A subclass
 * gives {@code f} and its two partial derivatives, as numbers and as graph nodes, and {@link
 * #kernel} and {@link #partialsKernel}, the loops that apply {@code f} and the partials to
 * whole arrays.
 *
 * <p>Why every op repeats the short loops of {@link #kernel} and {@link #partialsKernel} rather
 * than inheriting them: a loop written here would call {@code f} from one call site shared by
 * every op, which the JIT sees as megamorphic and compiles as a virtual call per element, so it
 * can neither inline {@code f} nor keep values in registers across elements. The same loop in
 * each final class is its own bytecode with its own profile, and its receiver is exactly that
 * class, so {@code f} inlines. A generated kernel or a switch on an op code would avoid the
 * repeated lines, at the cost of a code generator or a branch per element; the repeated lines
 * are the simplest thing that compiles well.
 *
 * <p>Operands reach the kernel with a step: 1 where the operand has the result's size (the same
 * shape, or the same elements with axes of length 1 added), 0 where it is a single element
 * broadcast to every position, so neither common case builds an index map. Any other
 * broadcast is copied out to the result's shape first ({@link Broadcast#broadcastTo}), and
 * then steps by 1. Every element is still {@code f} of the same two doubles as before, so the
 * values are bit for bit those of a loop calling {@code f} element by element.
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

    /**
     * {@code y[i] = f(a[i * aStep], b[i * bStep])} for every {@code i}: each op's own copy of
     * this loop, written {@code for (int i = 0; i < y.length; i++) y[i] = f(a[i * aStep], b[i * bStep]);},
     * so that its call of {@code f} is monomorphic (see the class comment). An op may take a
     * faster path only where its values are bit for bit the same.
     */
    abstract void kernel(double[] a, int aStep, double[] b, int bStep, double[] y);

    /**
     * {@code pa[i] = dfa(a[i * aStep], b[i * bStep], y[i])} and the same for {@code pb} with
     * {@code dfb}, for every {@code i}: the local partials that forward mode's linearization
     * and the reverse sweep keep, each op's own copy of the loops for the same reason as {@link
     * #kernel}. A {@code null} array is a partial nobody needs, and is not computed (the reverse
     * sweep of {@code x^2} needs no {@code log(x)}).
     */
    abstract void partialsKernel(double[] a, int aStep, double[] b, int bStep, double[] y, double[] pa, double[] pb);

    /**
     * Its partial by argument {@code arg} (0 for {@code a}, 1 for {@code b}) where that is the
     * same number everywhere, such as 1 and -1 for {@code a - b}; else NaN. The reverse sweep then
     * scales the cotangent by it (or passes it on, for 1) instead of computing an array of it,
     * as the graph rule skips a product with the constant 1.
     */
    double constantPartial(int arg) {
        return Double.NaN;
    }

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
    public final boolean elementwise() {
        return true;
    }

    @Override
    public final Shape shape(Shape[] args, Attrs attrs) {
        return Elementwise.broadcastShape(name, args);
    }

    @Override
    public final Tensor apply(Tensor[] args, Attrs attrs) {
        return apply(args, attrs, Arena.none());
    }

    @Override
    public final Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        Shape shape = Shape.broadcast(args[0].shape(), args[1].shape());
        Tensor a = operand(args[0], shape);
        Tensor b = operand(args[1], shape);
        double[] y = arena.take(Math.toIntExact(shape.size()));
        kernel(a.values(), step(a, y.length), b.values(), step(b, y.length), y);
        return Tensor.of(shape, y);
    }

    @Override
    public final Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return linearize(args, out, attrs, new boolean[] {true, true});
    }

    /** As the rule above, with the partials of only the arguments that will have tangents. */
    @Override
    public final Jvp linearize(Tensor[] args, Tensor out, Attrs attrs, boolean[] withTangents) {
        Partials p = partials(args, out, withTangents[0], withTangents[1], Arena.none());
        Shape shape = out.shape();
        return tangents -> {
            if (tangents[0] == null && tangents[1] == null) {
                return null;
            }
            if (tangents[0] != null && p.pa() == null || tangents[1] != null && p.pb() == null) {
                throw new IllegalStateException(name + ": a tangent for an argument linearized without one");
            }
            double[] t = new double[out.size()];
            if (tangents[0] != null) {
                double[] ta = operand(tangents[0], shape).values();
                for (int i = 0; i < t.length; i++) {
                    t[i] = Elementwise.scale(ta[i * p.aStep()], p.pa()[i]);
                }
            }
            if (tangents[1] != null) {
                double[] tb = operand(tangents[1], shape).values();
                for (int i = 0; i < t.length; i++) {
                    t[i] += Elementwise.scale(tb[i * p.bStep()], p.pb()[i]);
                }
            }
            return Tensor.of(shape, t);
        };
    }

    /**
     * The same local partials as {@link #linearize}, applied to cotangents: each argument's
     * contribution is the cotangent times its partial, summed back over the axes along which
     * the argument was broadcast, as the graph rule's {@code sum_to} does.
     */
    @Override
    public final Pullback pullback() {
        return new Pullback() {
            @Override
            public Vjp at(Tensor[] args, Tensor out, Attrs attrs, boolean[] needed, Arena arena) {
                double constantA = constantPartial(0);
                double constantB = constantPartial(1);
                Partials p = partials(args, out, needed[0] && Double.isNaN(constantA), needed[1] && Double.isNaN(constantB), arena);
                return new Vjp() {
                    @Override
                    public Tensor[] apply(Tensor cotangent) {
                        return new Tensor[] {
                            needed[0] ? contribution(cotangent, constantA, p.pa(), args[0].shape(), arena) : null,
                            needed[1] ? contribution(cotangent, constantB, p.pb(), args[1].shape(), arena) : null
                        };
                    }

                    @Override
                    public void done() {
                        if (p.pa() != null) {
                            arena.recycle(p.pa());
                        }
                        if (p.pb() != null) {
                            arena.recycle(p.pb());
                        }
                    }
                };
            }

            @Override
            public boolean scalarAt(double[] args, double out, boolean[] needed, double cotangent, double[] contributions) {
                for (int j = 0; j < 2; j++) {
                    if (needed[j]) {
                        double constant = constantPartial(j);
                        double partial = !Double.isNaN(constant) ? constant
                                : j == 0 ? dfa(args[0], args[1], out) : dfb(args[0], args[1], out);
                        contributions[j] = constant == 1.0 ? cotangent : Elementwise.scale(cotangent, partial);
                    }
                }
                return true;
            }
        };
    }

    /** The cotangent times the partial (the constant one where it is not NaN), summed back to the argument's shape. */
    private static Tensor contribution(Tensor cotangent, double constant, double[] partial, Shape argShape, Arena arena) {
        Tensor product = Double.isNaN(constant) ? Elementwise.multiply(cotangent, partial, arena)
                : constant == 1.0 ? cotangent : Elementwise.multiply(cotangent, constant, arena);
        Tensor summed = Broadcast.sumTo(product, argShape);
        if (product != cotangent && summed.values() != product.values()) {
            // summed into an array of its own: the product has no other reader
            arena.recycle(product.values());
        }
        return summed;
    }

    /** The local partials wanted at every element of the output ({@code null} where not), and the steps through the operands. */
    private Partials partials(Tensor[] args, Tensor out, boolean wantA, boolean wantB, Arena arena) {
        Shape shape = out.shape();
        Tensor aTensor = operand(args[0], shape);
        Tensor bTensor = operand(args[1], shape);
        int aStep = step(aTensor, out.size());
        int bStep = step(bTensor, out.size());
        double[] y = out.values();
        double[] pa = wantA ? arena.take(y.length) : null;
        double[] pb = wantB ? arena.take(y.length) : null;
        partialsKernel(aTensor.values(), aStep, bTensor.values(), bStep, y, pa, pb);
        return new Partials(aStep, bStep, pa, pb);
    }

    /** What {@link #partialsKernel} computed, with the steps it read the operands by. */
    private record Partials(int aStep, int bStep, double[] pa, double[] pb) {
    }

    /**
     * {@code arg} as the kernel reads it for a result of {@code shape}: itself where it has the
     * result's size or a single element (read with a step of 1 or 0), else copied out to
     * {@code shape}. A tangent has its argument's shape, so it is read the same way.
     */
    private static Tensor operand(Tensor arg, Shape shape) {
        long size = arg.size();
        return size == shape.size() || size == 1 ? arg : Broadcast.broadcastTo(arg, shape);
    }

    /** The kernel's step through {@code operand} for a result of {@code size} elements. */
    private static int step(Tensor operand, int size) {
        return operand.size() == size ? 1 : 0;
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
