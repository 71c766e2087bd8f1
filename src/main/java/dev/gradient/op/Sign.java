package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * -1, 0 or 1 by the sign of {@code x} (NaN stays NaN). Its derivative is zero everywhere, as in
 * PyTorch. Unlike the {@link UnaryOp}s it passes no tangent or cotangent on at all, rather than
 * multiplying by a zero derivative, so an infinite cotangent cannot turn into NaN here.
 */
final class Sign implements Primitive {

    @Override public String name() { return "sign"; }
    @Override public Arity arity() { return Arity.exactly(1); }
    @Override public String syntax() { return "sign(x)"; }
    @Override public String summary() { return "-1, 0 or 1 by the sign of x."; }
    @Override public boolean elementwise() { return true; }
    @Override public String derivativeConvention() { return "zero derivative everywhere, including at 0"; }
    @Override public String higherOrderConvention() { return "zero at every order"; }
    @Override public Shape shape(Shape[] args, Attrs attrs) { return args[0]; }
    @Override public Tensor apply(Tensor[] args, Attrs attrs) { return args[0].map(Math::signum); }
    @Override public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) { return tangents -> null; }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {-1};
    }
}
