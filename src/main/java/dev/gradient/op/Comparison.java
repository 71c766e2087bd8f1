package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Broadcast;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * A comparison such as {@code a < b}: 1.0 where it holds, else 0.0, broadcasting. Its
 * derivative is zero everywhere, so no tangent or cotangent flows through it.
 */
final class Comparison implements Primitive {

    private final String name;
    private final String symbol;
    private final Test test;

    /** The comparison of two doubles. */
    @FunctionalInterface
    interface Test {
        boolean test(double a, double b);
    }

    Comparison(String name, String symbol, Test test) {
        this.name = name;
        this.symbol = symbol;
        this.test = test;
    }

    @Override public String name() { return name; }
    @Override public Arity arity() { return Arity.exactly(2); }
    @Override public String syntax() { return "a " + symbol + " b"; }
    @Override public String summary() { return "1.0 where a " + symbol + " b, else 0.0, broadcasting."; }
    @Override public boolean elementwise() { return true; }
    @Override public String derivativeConvention() { return "zero derivative everywhere"; }
    @Override public String higherOrderConvention() { return "zero at every order"; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        return Elementwise.broadcastShape(name, args);
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        Shape shape = Shape.broadcast(args[0].shape(), args[1].shape());
        Tensor a = Broadcast.broadcastTo(args[0], shape);
        Tensor b = Broadcast.broadcastTo(args[1], shape);
        double[] y = new double[a.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = test.test(a.get(i), b.get(i)) ? 1.0 : 0.0;
        }
        return Tensor.of(shape, y);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> null;
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {-1, -1};
    }
}
