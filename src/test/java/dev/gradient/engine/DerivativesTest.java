package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivativesTest {

    private final Derivatives derivatives = new Derivatives();
    private final List<Engine> engines = List.of(new ForwardEngine(), new ReverseEngine());

    /** f(x, y) = sum(x * y) + sin(x[0]) ... built as sum(x*y + sin(x)) with x, y of shape [3]. */
    private Compiled productOfSines() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(3));
        int y = b.input("y", Shape.of(3));
        int f = b.call("sum", b.call("add", b.call("mul", x, y), b.call("sin", x)));
        return new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
    }

    @Test
    void gradientMatchesTheAnalyticFormInBothEngines() {
        Tensor x = Tensor.of(Shape.of(3), new double[] {0.5, -1.0, 2.0});
        Tensor y = Tensor.of(Shape.of(3), new double[] {1.5, 0.25, -3.0});
        for (Engine engine : engines) {
            Derivatives.Gradient g = derivatives.gradient(engine, productOfSines(), new Tensor[] {x, y}, new int[] {0, 1}, 0);
            for (int i = 0; i < 3; i++) {
                assertThat(g.gradient()[0].get(i)).isCloseTo(y.get(i) + Math.cos(x.get(i)), within(1e-14));
                assertThat(g.gradient()[1].get(i)).isCloseTo(x.get(i), within(1e-14));
            }
        }
    }

    @Test
    void hessianIsExactInBothEngines() {
        Tensor x = Tensor.of(Shape.of(3), new double[] {0.5, -1.0, 2.0});
        Tensor y = Tensor.of(Shape.of(3), new double[] {1.5, 0.25, -3.0});
        for (Engine engine : engines) {
            Derivatives.Hessian h = derivatives.hessian(engine, productOfSines(), new Tensor[] {x, y}, new int[] {0, 1}, 0);
            assertThat(h.hessian()[0][0].shape()).isEqualTo(Shape.of(3, 3));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double xx = i == j ? -Math.sin(x.get(i)) : 0.0;
                    double xy = i == j ? 1.0 : 0.0;
                    assertThat(h.hessian()[0][0].get(3 * i + j)).as(engine.name()).isCloseTo(xx, within(1e-14));
                    assertThat(h.hessian()[0][1].get(3 * i + j)).isCloseTo(xy, within(1e-14));
                    assertThat(h.hessian()[1][1].get(3 * i + j)).isCloseTo(0.0, within(1e-14));
                }
            }
        }
    }

    @Test
    void whereIgnoresTheUntakenBranchEvenWhereItsDerivativeIsNaN() {
        // where(x > 0, log(x), -x) at x = -4: gradient -1, second derivative 0, never NaN
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.SCALAR);
        int f = b.call("where", b.call("gt", x, b.constant(0.0)), b.call("log", b.call("log", x)), b.call("neg", x));
        Compiled compiled = new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
        for (Engine engine : engines) {
            Derivatives.Hessian h = derivatives.hessian(engine, compiled, new Tensor[] {Tensor.scalar(-4.0)}, new int[] {0}, 0);
            assertThat(h.value().scalarValue()).isEqualTo(4.0);
            assertThat(h.gradient()[0].scalarValue()).as(engine.name()).isEqualTo(-1.0);
            assertThat(h.hessian()[0][0].scalarValue()).as(engine.name()).isEqualTo(0.0);
        }
    }

    @Test
    void jacobianOfABroadcastingReductionHasOutputThenInputAxes() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int w = b.input("W", Shape.of(2, 3));
        int v = b.input("v", Shape.of(3));
        int f = b.call("sum", Attrs.of("axis", 1), b.call("mul", w, v));
        Compiled compiled = new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
        Tensor wv = Tensor.of(Shape.of(2, 3), new double[] {1, 2, 3, 4, 5, 6});
        Tensor vv = Tensor.of(Shape.of(3), new double[] {-1, 0.5, 2});
        for (Engine engine : engines) {
            Tensor[][] jac = derivatives.jacobian(engine, compiled, new Tensor[] {wv, vv}, new int[] {0, 1});
            assertThat(jac[0][0].shape()).isEqualTo(Shape.of(2, 2, 3));
            assertThat(jac[0][1].shape()).isEqualTo(Shape.of(2, 3));
            assertThat(jac[0][1].values()).containsExactly(new double[] {1, 2, 3, 4, 5, 6}, within(1e-15));
            assertThat(jac[0][0].values())
                    .containsExactly(new double[] {-1, 0.5, 2, 0, 0, 0, 0, 0, 0, -1, 0.5, 2}, within(1e-15));
        }
    }
}
