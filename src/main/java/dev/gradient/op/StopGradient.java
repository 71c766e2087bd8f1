package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Internal: the identity, with a derivative of zero. Composite ops use it for a quantity that
 * the function does not depend on mathematically, such as the shift in {@code logsumexp}, so
 * that no derivative work (and no tie-breaking) is spent on it.
 */
final class StopGradient implements Primitive {

    @Override public String name() { return "stop_gradient"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public String syntax() { return "stop_gradient(x)"; }
    @Override public String summary() { return "x itself, treated as a constant by every derivative."; }
    @Override public boolean elementwise() { return true; }
    @Override public String derivativeConvention() { return "zero derivative everywhere"; }
    @Override public String higherOrderConvention() { return "zero at every order"; }
    @Override public boolean isPublic() { return false; }
    @Override public Shape shape(Shape[] args, Attrs attrs) { return args[0]; }
    @Override public Tensor apply(Tensor[] args, Attrs attrs) { return args[0]; }
    @Override public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) { return tangents -> null; }
    @Override public long cost(Shape[] args, Shape out) { return 1; }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {-1};
    }
}
