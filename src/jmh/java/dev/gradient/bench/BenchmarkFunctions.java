package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Random;

/** The functions the benchmarks differentiate, compiled as the service compiles them. */
final class BenchmarkFunctions {

    static final ParseLimits PARSE_LIMITS = new ParseLimits(1 << 20, 256, 1_000_000);
    static final SourceParser PARSER = new SourceParser(PARSE_LIMITS);

    private BenchmarkFunctions() {
    }

    /** {@code expression} compiled for inputs of these shapes, in the order the expression names them. */
    static Compiled expression(String expression, Shape... shapes) {
        return compile(PARSER.expression(expression, "/expression"), shapes);
    }

    static Compiled compile(Graph graph, Shape... shapes) {
        return new Compiled(GraphCompiler.compile(graph, shapes, BuildLimits.NONE), BuildLimits.NONE);
    }

    /** The n-dimensional Rosenbrock function, written with slices as a client would. */
    static Compiled rosenbrock(int n) {
        return expression("sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)", Shape.of(n));
    }

    /** The two-dimensional Rosenbrock function of two scalar inputs {@code x} and {@code y}. */
    static Compiled rosenbrock2d() {
        return expression("100*(y-x^2)^2+(1-x)^2", Shape.SCALAR, Shape.SCALAR);
    }

    /**
     * The loss of a multilayer perceptron 784-128-10 (tanh hidden layer, log-softmax, mean
     * cross-entropy) on a batch of 32, of the inputs {@code t, X, W1, b1, W2, b2} in that order;
     * {@link #mlpPoint} gives values for them.
     */
    static Compiled mlp() {
        return expression("-mean(sum(t * log_softmax(tanh(X @ transpose(W1) + b1) @ transpose(W2) + b2), axis=1))",
                Shape.of(32, 10), Shape.of(32, 784), Shape.of(128, 784), Shape.of(128), Shape.of(10, 128), Shape.of(10));
    }

    /** A point for {@link #mlp}: one-hot targets, a batch of inputs and small weights, drawn from {@code random}. */
    static Tensor[] mlpPoint(Random random) {
        double[] oneHot = new double[320];
        for (int row = 0; row < 32; row++) {
            oneHot[row * 10 + random.nextInt(10)] = 1.0;
        }
        return new Tensor[] {Tensor.of(Shape.of(32, 10), oneHot), random(random, 1.0, 32, 784), random(random, 0.05, 128, 784),
            random(random, 0.05, 128), random(random, 0.1, 10, 128), random(random, 0.1, 10)};
    }

    /** A scalar graph of {@code size} ops over four inputs, each node mixing the last and an earlier one. */
    static Compiled chain(int size) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int[] nodes = new int[size + 4];
        for (int i = 0; i < 4; i++) {
            nodes[i] = b.input("x" + i, Shape.SCALAR);
        }
        String[] ops = {"mul", "add", "sin", "sub", "tanh"};
        for (int i = 4; i < nodes.length; i++) {
            String op = ops[i % ops.length];
            int last = nodes[i - 1];
            int earlier = nodes[i - 1 - (i * 7919) % Math.min(i, 16)];
            nodes[i] = op.equals("sin") || op.equals("tanh") ? b.call(op, last) : b.call(op, last, earlier);
        }
        return new Compiled(b.build(List.of(nodes[nodes.length - 1]), List.of("f")), BuildLimits.NONE);
    }

    /** The point at which {@link #chain}'s function is evaluated and differentiated. */
    static Tensor[] chainPoint() {
        return new Tensor[] {Tensor.scalar(0.3), Tensor.scalar(-0.7), Tensor.scalar(1.1), Tensor.scalar(0.5)};
    }

    /** A tensor of the given shape with uniform random elements in [-scale, scale]. */
    static Tensor random(Random random, double scale, int... dims) {
        Shape shape = Shape.of(dims);
        double[] values = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * (2 * random.nextDouble() - 1);
        }
        return Tensor.of(shape, values);
    }

    static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
