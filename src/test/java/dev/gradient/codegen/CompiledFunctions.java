package dev.gradient.codegen;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Random;

/** Functions of the codegen tests: expressions shaped as the service shapes them, and random points. */
final class CompiledFunctions {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));

    private CompiledFunctions() {
    }

    /** {@code expression} for inputs of these shapes. */
    static ShapedGraph shaped(String expression, Shape... shapes) {
        return GraphCompiler.compile(PARSER.expression(expression, "/expression"), shapes, BuildLimits.NONE);
    }

    /** The program that {@code compilation} makes of {@code graph}. */
    static Program program(Compilation compilation, ShapedGraph graph) {
        return compilation.program(graph, new Plan(graph));
    }

    /** Uniform elements in [-2, 2). */
    static Tensor random(long seed, int n) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 4 * random.nextDouble() - 2;
        }
        return Tensor.of(Shape.of(n), v);
    }
}
