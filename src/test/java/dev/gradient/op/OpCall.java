package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An op applied to the arguments of one of its {@link OpCases}, in a graph being built, with a
 * random point: each argument is an input ({@code x0, x1, ...}, valued at the point) or, where
 * the case says so, a constant.
 *
 * @param node the op's node
 * @param point a value per input, in input order
 */
record OpCall(int node, Tensor[] point) {

    /** {@code op} applied in {@code b} to case {@code c}'s arguments, drawn from {@code random}. */
    static OpCall of(GraphBuilder b, Op op, OpCases.Case c, Random random) {
        List<Tensor> point = new ArrayList<>();
        int[] args = new int[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            OpCases.Arg arg = c.args().get(i);
            Tensor value = sample(arg.shape(), arg.domain(), random);
            if (arg.constant()) {
                args[i] = b.constant(value);
            } else {
                args[i] = b.input("x" + i, arg.shape());
                point.add(value);
            }
        }
        return new OpCall(b.apply(op, c.attrs(), args), point.toArray(Tensor[]::new));
    }

    /** A tensor of {@code shape} with elements drawn from {@code domain}. */
    static Tensor sample(Shape shape, OpCases.Domain domain, Random random) {
        double[] v = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = domain.sample(random);
        }
        return Tensor.of(shape, v);
    }
}
