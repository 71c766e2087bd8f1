package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.error.GradientException;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The graph compiler's one rewrite, {@code a @ transpose(b)} as {@code matmul_transposed(a, b)}:
 * the transpose is gone from the graph, and values and gradients are those of the graph as
 * written (built here without the compiler, so without the rewrite): bit for bit where the
 * product runs as the plain loop, to rounding where it runs on the BLAS.
 */
class MatMulOfTransposeTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));
    private static final String LAYER = "sum(tanh(X @ transpose(W) + b))";

    private final Derivatives derivatives = new Derivatives();

    private static Compiled compiled(Shape x, Shape w, Shape b) {
        return new Compiled(GraphCompiler.compile(PARSER.expression(LAYER, "/expression"), new Shape[] {x, w, b},
                BuildLimits.NONE), BuildLimits.NONE);
    }

    /** The same layer as written, node for node. */
    private static Compiled asWritten(Shape x, Shape w, Shape b) {
        GraphBuilder g = new GraphBuilder(BuildLimits.NONE);
        int xs = g.input("X", x);
        int ws = g.input("W", w);
        int bs = g.input("b", b);
        int f = g.call("sum", g.call("tanh", g.call("add", g.call("matmul", xs, g.call("transpose", ws)), bs)));
        return new Compiled(g.build(List.of(f), List.of("f")), BuildLimits.NONE);
    }

    private static Tensor random(Random random, Shape shape) {
        double[] v = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() * 0.3;
        }
        return Tensor.of(shape, v);
    }

    @Test
    void theTransposeIsGoneFromTheCompiledGraph() {
        ShapedGraph graph = compiled(Shape.of(4, 3), Shape.of(5, 3), Shape.of(5)).graph();
        List<String> ops = graph.nodes().stream().filter(n -> n instanceof Node.Apply)
                .map(n -> ((Node.Apply) n).op().name()).toList();
        assertThat(ops).contains("matmul_transposed").doesNotContain("transpose", "matmul");
        assertThat(graph.inputNames()).containsExactly("X", "W", "b");
    }

    @Test
    void aTransposeThatIsAlsoReadElsewhereStays() {
        ShapedGraph graph = new Compiled(GraphCompiler.compile(PARSER.expression("sum(X @ transpose(W)) + sum(transpose(W))",
                "/expression"), new Shape[] {Shape.of(2, 3), Shape.of(4, 3)}, BuildLimits.NONE), BuildLimits.NONE).graph();
        List<String> ops = graph.nodes().stream().filter(n -> n instanceof Node.Apply)
                .map(n -> ((Node.Apply) n).op().name()).toList();
        assertThat(ops).contains("matmul_transposed", "transpose");
    }

    @Test
    void shapesThatDoNotFitAreReportedForTheOpsAsWritten() {
        assertThatThrownBy(() -> compiled(Shape.of(4, 3), Shape.of(5, 2), Shape.of(5)))
                .isInstanceOf(GradientException.class).hasMessageContaining("matmul:").hasMessageNotContaining("matmul_transposed");
    }

    @Test
    void valuesAndGradientsAreThoseOfTheGraphAsWritten() {
        Random random = new Random(5);
        for (int[] dims : new int[][] {{4, 3, 5}, {1, 6, 2}, {32, 100, 64}}) {
            Shape x = Shape.of(dims[0], dims[1]);
            Shape w = Shape.of(dims[2], dims[1]);
            Shape b = Shape.of(dims[2]);
            Tensor[] point = {random(random, x), random(random, w), random(random, b)};
            boolean loop = (long) dims[0] * dims[1] * dims[2] < 1024;
            for (Engine engine : List.of(new ReverseEngine(), new ForwardEngine())) {
                Derivatives.Gradient rewritten = derivatives.gradient(engine, compiled(x, w, b), point, new int[] {0, 1, 2}, 0);
                Derivatives.Gradient written = derivatives.gradient(engine, asWritten(x, w, b), point, new int[] {0, 1, 2}, 0);
                assertClose(rewritten.value().values(), written.value().values(), loop);
                for (int j = 0; j < 3; j++) {
                    assertClose(rewritten.gradient()[j].values(), written.gradient()[j].values(), loop);
                }
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected, boolean sameBits) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (sameBits) {
                assertThat(Double.doubleToRawLongBits(actual[i])).as("element %d", i).isEqualTo(Double.doubleToRawLongBits(expected[i]));
            } else {
                assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i],
                        within(1e-12 * (1 + Math.abs(expected[i]))));
            }
        }
    }
}
