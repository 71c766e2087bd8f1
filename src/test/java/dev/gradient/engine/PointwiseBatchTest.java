package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.Seeds;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch of points through {@link Derivatives#gradients} gives bit for bit the values and
 * gradients of one point at a time, in both engines, whether the function runs as one batch
 * sweep ({@link PointwiseBatch}) or point by point; points include 0, ±1, large values and
 * singular points of the ops, where derivatives are infinite or NaN.
 */
class PointwiseBatchTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 2.0, 1e300, -1e-300, 0.5};

    private final Derivatives derivatives = new Derivatives();

    static Stream<Arguments> functions() {
        String[] pointwise = {
            "100*(y - x^2)^2 + (1 - x)^2",
            "sin(x) * exp(y) - log1p(x * x) / (1 + y^2)",
            "where(x > 0, sqrt(x), -x) + abs(y) * sign(x - y)",
            "atan2(y, x) + hypot(x, y) + maximum(x, y) - minimum(x, 0.5)",
            "x ^ y + tanh(x) * sigmoid(y) + softplus(x - y)",
            "cbrt(x) + erf(y) + relu(x) * asinh(y)",
        };
        return Stream.of(new ForwardEngine(), new ReverseEngine())
                .flatMap(engine -> Stream.of(pointwise).map(text -> Arguments.of(text, engine)));
    }

    private static Compiled compile(String expression, Shape... shapes) {
        return new Compiled(GraphCompiler.compile(PARSER.expression(expression, "/expression"), shapes, BuildLimits.NONE),
                BuildLimits.NONE);
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("functions")
    void aBatchIsBitForBitOnePointAtATime(String expression, Engine engine) {
        Compiled f = compile(expression, Shape.SCALAR, Shape.SCALAR);
        assertThat(PointwiseBatch.of(f).over(3)).as("a pointwise function runs as one batch").isPresent();
        long seed = Seeds.first(1).findFirst().orElseThrow();
        Random random = new Random(seed);
        Tensor[][] points = new Tensor[200][];
        for (int p = 0; p < points.length; p++) {
            double x = p < SPECIAL.length * SPECIAL.length ? SPECIAL[p % SPECIAL.length] : 4 * random.nextGaussian();
            double y = p < SPECIAL.length * SPECIAL.length ? SPECIAL[p / SPECIAL.length] : 4 * random.nextGaussian();
            points[p] = new Tensor[] {Tensor.scalar(x), Tensor.scalar(y)};
        }
        int[] wrt = {0, 1};
        Derivatives.Gradient[] batch = derivatives.gradients(engine, f, points, wrt, 0);
        for (int p = 0; p < points.length; p++) {
            Derivatives.Gradient one = derivatives.gradient(engine, f, points[p], wrt, 0);
            String at = "seed " + seed + ", point " + p + " " + points[p][0] + " " + points[p][1];
            assertThat(bits(batch[p].value())).as("value at %s", at).isEqualTo(bits(one.value()));
            for (int j = 0; j < wrt.length; j++) {
                assertThat(bits(batch[p].gradient()[j])).as("d/d input %d at %s", j, at).isEqualTo(bits(one.gradient()[j]));
            }
        }
    }

    @Test
    void aFunctionThatIsNotPointwiseRunsPointByPoint() {
        Compiled reduction = compile("sum(x * x)", Shape.of(3));
        Compiled constant = compile("exp(2.0) + 0 * y", Shape.SCALAR);
        assertThat(PointwiseBatch.of(reduction).over(2)).isEmpty();
        Tensor[][] points = {{Tensor.of(Shape.of(3), new double[] {1, 2, 3})}, {Tensor.of(Shape.of(3), new double[] {0, -1, 4})}};
        Derivatives.Gradient[] batch = derivatives.gradients(new ReverseEngine(), reduction, points, new int[] {0}, 0);
        assertThat(batch[1].gradient()[0].values()).containsExactly(0.0, -2.0, 8.0);
        assertThat(PointwiseBatch.of(constant).over(2)).as("0 * y still depends on y").isPresent();
    }

    private static long bits(Tensor t) {
        return Double.doubleToLongBits(t.scalarValue());
    }
}
