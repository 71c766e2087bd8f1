package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse engine's tape: which graphs have one, that one sweep of many cotangent
 * directions gives bit for bit what one sweep per direction gives, and that it agrees with the
 * adjoint graph to rounding on every conformance case, for random cotangents.
 */
class TapeTest {

    private final ReverseEngine reverse = new ReverseEngine();

    /** sum((x * x + sin(x)) * y), with x of three elements: x is read by three nodes. */
    private static Compiled sharedArgument() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(3));
        int y = b.input("y", Shape.SCALAR);
        int f = b.call("sum", b.call("mul", b.call("add", b.call("mul", x, x), b.call("sin", x)), y));
        return new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
    }

    /** where(x > 0, sqrt(x), x): its reverse pass needs live masks. */
    private static Compiled guardedSqrt() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(2));
        int f = b.call("where", b.call("gt", x, b.constant(0.0)), b.call("sqrt", x), x);
        return new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
    }

    @Test
    void aGraphWithoutWhereHasATapeAndItsGradientIsRight() {
        Compiled f = sharedArgument();
        assertThat(AdjointGraphEngine.hasTape(f, new int[] {0, 1})).isTrue();
        double[] x = {0.5, -1.25, 2.0};
        double y = 1.5;
        Tensor[] gradient = new Derivatives().gradient(reverse, f,
                new Tensor[] {Tensor.of(Shape.of(3), x), Tensor.scalar(y)}, new int[] {0, 1}, 0).gradient();
        double dy = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(gradient[0].get(i)).isCloseTo((2 * x[i] + Math.cos(x[i])) * y,
                    org.assertj.core.api.Assertions.within(1e-15));
            dy += x[i] * x[i] + Math.sin(x[i]);
        }
        assertThat(gradient[1].scalarValue()).isCloseTo(dy, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void aGraphWithWhereHasNoTapeAndStaysNaNSafe() {
        Compiled f = guardedSqrt();
        assertThat(AdjointGraphEngine.hasTape(f, new int[] {0})).isFalse();
        Tensor[][] jacobian = new Derivatives().jacobian(reverse, f,
                new Tensor[] {Tensor.of(Shape.of(2), new double[] {-1.0, 4.0})}, new int[] {0});
        assertThat(jacobian[0][0].values()).containsExactly(1.0, 0.0, 0.0, 0.25);
    }

    @Test
    void oneSweepOfManyDirectionsIsBitForBitOneSweepPerDirection() {
        Compiled f = sharedArgument();
        Evaluation at = new Evaluation(f, new Tensor[] {Tensor.of(Shape.of(3), new double[] {0.3, 1.7, -2.9}),
            Tensor.scalar(-0.7)});
        Random random = new Random(7);
        Tensor[][] cotangents = new Tensor[5][1];
        for (int d = 0; d < cotangents.length; d++) {
            cotangents[d][0] = d == 2 ? null : Tensor.scalar(random.nextGaussian());
        }
        int[] wrt = {0, 1};
        Tensor[][] together = reverse.vjp(at, wrt, new int[] {0}, cotangents);
        for (int d = 0; d < cotangents.length; d++) {
            Tensor[] alone = reverse.vjp(at, wrt, new int[] {0}, new Tensor[][] {cotangents[d]})[0];
            assertThat(together[d]).as("direction %d", d).containsExactly(alone);
        }
        assertThat(together[2][0].values()).containsExactly(0.0, 0.0, 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")
    void theTapeAgreesWithTheAdjointGraph(String id, String endpoint, JsonNode request) {
        CaseFunction c = CaseFunction.of(request);
        Compiled f = c.f();
        Evaluation at = new Evaluation(f, c.point());
        int[] outputs = f.allOutputs();
        Random random = new Random(id.hashCode());
        Tensor[][] cotangents = new Tensor[3][outputs.length];
        for (Tensor[] direction : cotangents) {
            for (int k = 0; k < outputs.length; k++) {
                Shape shape = f.graph().shape(f.graph().outputs().get(k));
                double[] values = new double[Math.toIntExact(shape.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextGaussian();
                }
                direction[k] = Tensor.of(shape, values);
            }
        }
        Tensor[][] byTape = reverse.vjp(at, c.wrt(), outputs, cotangents);
        Tensor[][] byGraph = ReverseEngine.vjpByAdjointGraph(at, c.wrt(), outputs, cotangents);
        for (int d = 0; d < cotangents.length; d++) {
            for (int j = 0; j < c.wrt().length; j++) {
                double[] tape = byTape[d][j].values();
                double[] graph = byGraph[d][j].values();
                assertThat(byTape[d][j].shape()).isEqualTo(byGraph[d][j].shape());
                for (int i = 0; i < tape.length; i++) {
                    if (Double.isFinite(graph[i])) {
                        assertThat(tape[i]).as("%s: direction %d, input %d, element %d", id, d, j, i)
                                .isCloseTo(graph[i], org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(graph[i]))));
                    } else {
                        assertThat(tape[i]).as("%s: direction %d, input %d, element %d", id, d, j, i).isEqualTo(graph[i]);
                    }
                }
            }
        }
    }
}
