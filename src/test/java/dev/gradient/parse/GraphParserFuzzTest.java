package dev.gradient.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.error.GradientException;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the JSON graph parser and what follows it: bytes are read as JSON the way the
 * service reads a body, parsed as a graph, and where that succeeds compiled for its declared
 * input shapes (scalars where none is declared) and, for a scalar first output, differentiated
 * in reverse mode at a point of halves. Only typed errors (and Jackson's own, a 400 in the
 * service) may come out. Limits are small so that each input stays cheap; the limits are
 * checked before the work, so small ones exercise the same checks.
 */
class GraphParserFuzzTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(4096, 64, 2000));
    private static final BuildLimits LIMITS = new BuildLimits(2000, 10_000, 1_000_000);
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(1000).build())
            .build()).build();

    // per input when fuzzing, per corpus replay otherwise (see ExpressionParserFuzzTest)
    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anyJsonParsesCompilesAndDifferentiatesOrFailsWithATypedError(byte[] input) {
        JsonNode tree;
        try {
            tree = JSON.readTree(input);
        } catch (JacksonException notJson) {
            return;
        }
        try {
            Graph graph = PARSER.graph(tree, "/graph");
            Shape[] shapes = graph.inputs().stream()
                    .map(i -> ((Node.Input) graph.nodes().get(i)).declaredShape())
                    .map(shape -> shape == null ? Shape.SCALAR : shape)
                    .toArray(Shape[]::new);
            Compiled f = new Compiled(GraphCompiler.compile(graph, shapes, LIMITS), LIMITS);
            Tensor[] point = Arrays.stream(shapes).map(shape -> Tensor.filled(shape, 0.5)).toArray(Tensor[]::new);
            Derivatives derivatives = new Derivatives();
            derivatives.evaluate(f, point);
            ShapedGraph shaped = f.graph();
            if (shaped.shape(shaped.outputs().get(0)).isScalar()) {
                int[] all = new int[shapes.length];
                Arrays.setAll(all, j -> j);
                derivatives.gradient(new ReverseEngine(), f, point, all, 0);
            }
        } catch (GradientException expected) {
            // a client error, answered with a problem; the parsers raise no other
            if (expected.code().status() >= 500) {
                throw expected;
            }
        }
    }
}
