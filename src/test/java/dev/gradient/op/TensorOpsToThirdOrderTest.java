package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.HigherOrder;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tensor ops (softmax, logsumexp, norm, prod, max and min, matmul, slices, concatenation,
 * where over vectors, broadcasting) to third order against JAX: value, gradient, Hessian and
 * every third derivative of scalar functions of three scalar inputs, in both engines, at
 * ordinary points and at ties, zeros and large arguments.
 *
 * <p>The references ({@code dev/gradient/op/tensor-references.json}) were computed by JAX's
 * {@code jacfwd(jacfwd(jacrev(f)))} in float64 and written by the committed script
 * {@code src/test/python/tensor_op_references.py}, whose header says how to run it again.
 */
class TensorOpsToThirdOrderTest {

    /** Relative agreement with JAX: both sides round differently, a few ulps per operation. */
    private static final double TOLERANCE = 1e-10;

    private static final List<Engine> ENGINES = List.of(new ForwardEngine(), new ReverseEngine());
    private static final SourceParser PARSER = new SourceParser(new ParseLimits(100_000, 64, 500_000));

    static Stream<Arguments> references() {
        JsonNode references;
        try (InputStream in = TensorOpsToThirdOrderTest.class.getResourceAsStream("tensor-references.json")) {
            references = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode reference : references) {
            out.add(Arguments.of(reference.path("id").asString() + " at " + reference.path("at"), reference));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void agreesWithJaxToThirdOrder(String label, JsonNode reference) {
        Graph graph = PARSER.expression(reference.path("expression").asString(), "/expression");
        // the script orders the point x, y, z; the expression's inputs come in the order it names them
        List<String> names = graph.inputNames();
        int[] order = names.stream().mapToInt(name -> List.of("x", "y", "z").indexOf(name)).toArray();
        double[] point = new double[names.size()];
        for (int i = 0; i < point.length; i++) {
            point[i] = reference.path("at").path(names.get(i)).asDouble();
        }
        Shape[] shapes = new Shape[names.size()];
        Arrays.fill(shapes, Shape.SCALAR);
        Compiled f = new Compiled(GraphCompiler.compile(graph, shapes, BuildLimits.NONE), BuildLimits.NONE);
        for (Engine engine : ENGINES) {
            HigherOrder d = new HigherOrder(engine);
            String by = label + " by " + engine.name();
            compare(by + ": value", d.value(f, point), number(reference.path("value")));
            double[] gradient = d.gradient(f, point);
            double[][] hessian = d.hessian(f, point);
            double[][][] third = d.third(f, point);
            for (int i = 0; i < point.length; i++) {
                compare(by + ": gradient " + names.get(i), gradient[i], number(reference.path("gradient").path(order[i])));
                for (int j = 0; j < point.length; j++) {
                    compare(by + ": hessian " + names.get(i) + names.get(j), hessian[i][j],
                            number(reference.path("hessian").path(order[i]).path(order[j])));
                    for (int k = 0; k < point.length; k++) {
                        compare(by + ": third " + names.get(i) + names.get(j) + names.get(k), third[i][j][k],
                                number(reference.path("third").path(order[i]).path(order[j]).path(order[k])));
                    }
                }
            }
        }
    }

    private static double number(JsonNode value) {
        return value.isString() ? Double.parseDouble(value.asString()) : value.asDouble();
    }

    private static void compare(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected)).as("%s: %s, expected %s", what, actual, expected)
                    .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
        }
    }
}
