package dev.gradient.engine;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random smooth, broadcasting graphs over three inputs of shapes {@code []}, {@code [3]} and
 * {@code [2, 3]}, for property tests that compare engines. Built from a seed so that a failing
 * case can be replayed.
 */
final class RandomGraphs {

    static final Shape[] INPUT_SHAPES = {Shape.SCALAR, Shape.of(3), Shape.of(2, 3)};
    private static final String[] UNARY = {"sin", "cos", "exp", "neg"};
    private static final String[] BINARY = {"add", "sub", "mul", "maximum", "minimum"};

    private RandomGraphs() {
    }

    /** A graph with one output: a random expression of {@code size} ops, summed to a scalar where {@code scalar}. */
    static Compiled graph(long seed, int size, boolean scalar) {
        Random random = new Random(seed);
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < INPUT_SHAPES.length; i++) {
            nodes.add(b.input("x" + i, INPUT_SHAPES[i]));
        }
        for (int i = 0; i < size; i++) {
            int a = nodes.get(random.nextInt(nodes.size()));
            int c = nodes.get(random.nextInt(nodes.size()));
            int kind = random.nextInt(10);
            int node;
            if (kind < 4) {
                // exp only of a bounded value, so that values stay moderate
                String op = UNARY[random.nextInt(UNARY.length)];
                node = op.equals("exp") ? b.call("exp", b.call("sin", a)) : b.call(op, a);
            } else if (kind < 8) {
                node = b.call(BINARY[random.nextInt(BINARY.length)], a, c);
            } else if (kind < 9) {
                node = b.call("where", b.call("gt", a, c), a, b.call("mul", c, c));
            } else {
                node = b.shape(a).rank() == 0 ? b.call("sin", a)
                        : b.call("sum", Attrs.of("axis", 0), a); // axis 0 keeps every shape broadcastable
            }
            nodes.add(node);
        }
        int out = nodes.get(nodes.size() - 1);
        if (scalar) {
            out = b.call("sum", out);
        }
        return new Compiled(b.build(List.of(out), List.of("f")), BuildLimits.NONE);
    }

    /** A random point for the inputs, elements in [-2, 2]. */
    static Tensor[] point(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Tensor[] point = new Tensor[INPUT_SHAPES.length];
        for (int i = 0; i < point.length; i++) {
            double[] values = new double[Math.toIntExact(INPUT_SHAPES[i].size())];
            for (int j = 0; j < values.length; j++) {
                values[j] = 4 * random.nextDouble() - 2;
            }
            point[i] = Tensor.of(INPUT_SHAPES[i], values);
        }
        return point;
    }
}
