package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
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
