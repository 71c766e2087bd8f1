package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * Base of the {@code max} and {@code min} reductions, over all elements or over {@code axis}.
 * NaN propagates, as in NumPy; an empty reduction is an error, since there is no identity.
 *
 * <p>The derivative splits the cotangent equally among all elements that equal the result,
 * as PyTorch does: {@code ties = eq(x, spread(y))}, {@code dx = ties * spread(dy / count)}.
 * Written with comparisons only, so the rule is exact to every order (the second derivative of
 * a piecewise-linear function is zero).
 */
abstract class Extremum implements Primitive {

    private final String name;
    private final String summary;

    Extremum(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    /** The better of two values; NaN wins. */
    abstract double pick(double a, double b);

    @Override public final String name() { return name; }
    @Override public final Arity arity() { return Arity.exactly(1); }
    @Override public final String summary() { return summary; }

    @Override
    public final List<AttrSpec> attrs() {
        return List.of(AttrSpec.axis("the axis to reduce; all elements when absent"));
    }

    @Override
    public final String syntax() {
        return name + "(x) or " + name + "(x, axis=0) (one argument; with two, " + name + "(a, b) is " + name + "imum)";
    }

    @Override
    public final String derivativeConvention() {
        return "the gradient is split equally among all elements equal to the " + name + " (ties share it)";
    }

    @Override
    public final String higherOrderConvention() {
        return "on a tie, the mean of the tied elements' derivatives, to every order (the tie mask is constant)";
    }

    @Override
    public final Shape shape(Shape[] args, Attrs attrs) {
        Shape x = args[0];
        int axis = Axis.of(name, attrs, x.rank());
        if ((axis < 0 ? x.size() : x.dim(axis)) == 0) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, name + ": cannot reduce " + (axis < 0 ? "an empty tensor " : "the empty axis " + axis
                    + " of ") + x + ": " + name + " has no identity");
        }
        return axis < 0 ? Shape.SCALAR : x.without(axis);
    }

    @Override
    public final Tensor apply(Tensor[] args, Attrs attrs) {
        Tensor x = args[0];
        Shape out = shape(new Shape[] {x.shape()}, attrs);
        Layout l = Layout.of(name, x.shape(), attrs);
        double[] v = x.values();
        double[] y = new double[Math.toIntExact(out.size())];
        for (int o = 0; o < l.outer; o++) {
            for (int i = 0; i < l.inner; i++) {
                double best = v[l.index(o, 0, i)];
                for (int j = 1; j < l.length; j++) {
                    best = pick(best, v[l.index(o, j, i)]);
                }
                y[o * l.inner + i] = best;
            }
        }
        return Tensor.of(out, y);
    }

    @Override
    public final Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        Layout l = Layout.of(name, args[0].shape(), attrs);
        double[] v = args[0].values();
        double[] y = out.values();
        boolean[] tie = new boolean[v.length];
        double[] count = new double[y.length];
        for (int o = 0; o < l.outer; o++) {
            for (int i = 0; i < l.inner; i++) {
                for (int j = 0; j < l.length; j++) {
                    int k = l.index(o, j, i);
                    tie[k] = v[k] == y[o * l.inner + i];
                    count[o * l.inner + i] += tie[k] ? 1 : 0;
                }
            }
        }
        return tangents -> {
            if (tangents[0] == null) {
                return null;
            }
            double[] t = tangents[0].values();
            double[] dy = new double[y.length];
            for (int o = 0; o < l.outer; o++) {
                for (int i = 0; i < l.inner; i++) {
                    double sum = 0.0;
                    for (int j = 0; j < l.length; j++) {
                        int k = l.index(o, j, i);
                        sum += tie[k] ? t[k] : 0.0;
                    }
                    // 0/0 = NaN where x holds a NaN (no element ties with it), as the symbolic rule gives
                    dy[o * l.inner + i] = sum / count[o * l.inner + i];
                }
            }
            return Tensor.of(out.shape(), dy);
        };
    }

    @Override
    public final int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        if (!needed[0]) {
            return new int[] {-1};
        }
        int x = args[0];
        int ties = b.call("eq", x, spread(b, out, x, attrs));
        int count = b.call("sum", attrs, ties);
        // the product is zero-exact: an element that is not an extremum gets exactly 0, even where the
        // cotangent is infinite (sqrt(max(x)) at a max of 0)
        return new int[] {b.times(ties, spread(b, b.call("div", cotangent, count), x, attrs))};
    }

    @Override
    public final int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : spread(b, outMask, args[0], attrs);
    }

    /** {@code y}, of the output's shape, copied back over the reduced axis to {@code x}'s shape. */
    private int spread(GraphBuilder b, int y, int x, Attrs attrs) {
        Shape shape = b.shape(x);
        return b.broadcastTo(b.reshape(y, Axis.keepDims(shape, Axis.of(name, attrs, shape.rank()))), shape);
    }

    /** The reduction as {@code outer x length x inner}: element {@code (o, j, i)} reduces into {@code (o, i)}. */
    private record Layout(int outer, int length, int inner) {

        static Layout of(String op, Shape x, Attrs attrs) {
            int axis = Axis.of(op, attrs, x.rank());
            return axis < 0
                    ? new Layout(1, Math.toIntExact(x.size()), 1)
                    : new Layout(Axis.outer(x, axis), x.dim(axis), Axis.inner(x, axis));
        }

        int index(int o, int j, int i) {
            return (o * length + j) * inner + i;
        }
    }
}
