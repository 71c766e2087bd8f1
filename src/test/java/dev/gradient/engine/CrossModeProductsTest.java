package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The product an engine computes through its Jacobian (the reverse engine's JVP, the forward
 * engine's VJP) equals the other engine's native product, also where a partial is infinite or
 * NaN but the tangent or cotangent that meets it is zero: a zero factor is exact.
 */
class CrossModeProductsTest {

    private final Derivatives derivatives = new Derivatives();
    private final Engine forward = new ForwardEngine();
    private final Engine reverse = new ReverseEngine();

    /** sqrt(x) + y: its partial by x is Infinity at x = 0 and NaN at x = -1. */
    private static Compiled sqrtPlusY() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.SCALAR);
        int y = b.input("y", Shape.SCALAR);
        return new Compiled(b.build(List.of(b.call("add", b.call("sqrt", x), y)), List.of("f")), BuildLimits.NONE);
    }

    /** Two outputs, sqrt(x) and 2 * y. */
    private static Compiled sqrtAndTwiceY() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.SCALAR);
        int y = b.input("y", Shape.SCALAR);
        return new Compiled(b.build(List.of(b.call("sqrt", x), b.call("mul", b.constant(2.0), y)), List.of("s", "t")),
                BuildLimits.NONE);
    }

    private static Tensor[] at(double x, double y) {
        return new Tensor[] {Tensor.scalar(x), Tensor.scalar(y)};
    }

    @Test
    void reverseJvpIgnoresAnInfinitePartialWhoseTangentIsZero() {
        Tensor[] tangent = at(0.0, 1.0);
        Tensor[] point = at(0.0, 0.0);
        double byForward = derivatives.jvp(forward, sqrtPlusY(), point, new int[] {0, 1}, tangent)[0].scalarValue();
        double byReverse = derivatives.jvp(reverse, sqrtPlusY(), point, new int[] {0, 1}, tangent)[0].scalarValue();
        assertThat(byForward).isEqualTo(1.0);
        assertThat(byReverse).isEqualTo(byForward);
    }

    @Test
    void reverseJvpIgnoresANaNPartialWhoseTangentIsZero() {
        Tensor[] tangent = at(0.0, 1.0);
        Tensor[] point = at(-1.0, 0.0);
        double byForward = derivatives.jvp(forward, sqrtPlusY(), point, new int[] {0, 1}, tangent)[0].scalarValue();
        double byReverse = derivatives.jvp(reverse, sqrtPlusY(), point, new int[] {0, 1}, tangent)[0].scalarValue();
        assertThat(byForward).isEqualTo(1.0);
        assertThat(byReverse).isEqualTo(byForward);
    }

    @Test
    void reverseJvpStillMultipliesAnInfinitePartialByANonZeroTangent() {
        Tensor[] tangent = at(1.0, 1.0);
        double byReverse = derivatives.jvp(reverse, sqrtPlusY(), at(0.0, 0.0), new int[] {0, 1}, tangent)[0].scalarValue();
        assertThat(byReverse).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void forwardVjpIgnoresAnInfinitePartialWhoseCotangentIsZero() {
        Tensor[] cotangent = at(0.0, 1.0);
        for (double x : new double[] {0.0, -1.0}) {
            Tensor[] byForward = derivatives.vjp(forward, sqrtAndTwiceY(), at(x, 3.0), new int[] {0, 1}, cotangent);
            Tensor[] byReverse = derivatives.vjp(reverse, sqrtAndTwiceY(), at(x, 3.0), new int[] {0, 1}, cotangent);
            assertThat(byReverse[0].scalarValue()).as("reverse d/dx at x = %s", x).isEqualTo(0.0);
            assertThat(byReverse[1].scalarValue()).as("reverse d/dy at x = %s", x).isEqualTo(2.0);
            assertThat(byForward[0].scalarValue()).as("forward d/dx at x = %s", x).isEqualTo(byReverse[0].scalarValue());
            assertThat(byForward[1].scalarValue()).as("forward d/dy at x = %s", x).isEqualTo(byReverse[1].scalarValue());
        }
    }

    @Test
    void crossModeProductsAgreeWithTheNativeOnesOnRandomGraphs() {
        int[] wrt = {0, 1, 2};
        for (long seed = 0; seed < 40; seed++) {
            Compiled f = RandomGraphs.graph(seed, 12, false).function();
            Tensor[] point = RandomGraphs.point(seed);
            // directions with exact zeros, so that the zero-factor rule is exercised where partials are finite
            Tensor[] tangent = {Tensor.scalar(0.0), Tensor.of(Shape.of(3), new double[] {1.5, 0.0, -0.5}),
                    Tensor.of(Shape.of(2, 3), new double[] {0.0, 2.0, 0.0, -1.0, 0.0, 0.25})};
            Tensor[] jf = derivatives.jvp(forward, f, point, wrt, tangent);
            Tensor[] jr = derivatives.jvp(reverse, f, point, wrt, tangent);
            assertClose(jr[0], jf[0], "JVP, seed " + seed);
            Tensor cotangent = Tensor.of(jf[0].shape(), alternating(jf[0].size()));
            Tensor[] vr = derivatives.vjp(reverse, f, point, wrt, new Tensor[] {cotangent});
            Tensor[] vf = derivatives.vjp(forward, f, point, wrt, new Tensor[] {cotangent});
            for (int j = 0; j < wrt.length; j++) {
                assertClose(vf[j], vr[j], "VJP by input " + j + ", seed " + seed);
            }
        }
    }

    private static double[] alternating(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 2 == 0 ? 0.0 : 1.0 + i;
        }
        return v;
    }

    private static void assertClose(Tensor actual, Tensor expected, String what) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        for (int i = 0; i < actual.size(); i++) {
            double scale = Math.max(1.0, Math.abs(expected.get(i)));
            assertThat(Math.abs(actual.get(i) - expected.get(i))).as("%s, element %d: %s vs %s", what, i,
                    actual.get(i), expected.get(i)).isLessThanOrEqualTo(1e-12 * scale);
        }
    }
}
