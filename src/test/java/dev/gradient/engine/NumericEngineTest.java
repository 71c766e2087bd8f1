package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.error.GradientException;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The numeric engine against the exact engines, within its documented error ({@link
 * NumericErrorBound}, worked out per case and per entry): on every conformance case that has
 * derivatives, its Jacobian (or JVP), and for the Hessian cases its Hessian too.
 */
class NumericEngineTest {

    /**
     * The bound is an estimate, not a proof: it counts each evaluation's rounding as eps times
     * the values it compares, while evaluating f rounds every term f is made of (the
     * conformance cases reach 2.5 times the bound where terms cancel, as in Black-Scholes).
     */
    static final double SAFETY = 10;

    private final Derivatives derivatives = new Derivatives();
    private final Engine numeric = new NumericEngine();
    private final Engine exact = new ForwardEngine();


    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")
    void numericDerivativesAreWithinTheirDocumentedErrorOfTheExactOnes(String id, String endpoint, JsonNode request) {
        CaseFunction c = CaseFunction.of(request);
        if (endpoint.equals("/jvp")) {
            Tensor[] byNumeric = derivatives.jvp(numeric, c.f(), c.point(), c.wrt(), c.tangent());
            Tensor[] byExact = derivatives.jvp(exact, c.f(), c.point(), c.wrt(), c.tangent());
            Tensor[] bound = NumericErrorBound.jvp(c.f(), c.point(), c.wrt(), c.tangent());
            for (int k = 0; k < byNumeric.length; k++) {
                assertWithin(byNumeric[k], byExact[k], bound[k], id + ": JVP of output " + k);
            }
            return;
        }
        assertWithin(derivatives.jacobian(numeric, c.f(), c.point(), c.wrt()),
                derivatives.jacobian(exact, c.f(), c.point(), c.wrt()),
                NumericErrorBound.jacobian(c.f(), c.point(), c.wrt()), id + ": Jacobian");
        if (endpoint.equals("/hessian")) {
            assertWithin(derivatives.hessian(numeric, c.f(), c.point(), c.wrt(), 0).hessian(),
                    derivatives.hessian(exact, c.f(), c.point(), c.wrt(), 0).hessian(),
                    NumericErrorBound.hessian(c.f(), c.point(), c.wrt(), 0), id + ": Hessian");
        }
    }

    @Test
    void theStepFollowsTheMagnitudeOfEachElement() {
        // x^3 at 1e6 and at 1e-6 in one vector: one fixed step would be far too small for one or too large for the other
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(2));
        Compiled cube = new Compiled(b.build(List.of(b.call("mul", x, b.call("mul", x, x))), List.of("f")),
                BuildLimits.NONE);
        Tensor[] point = {Tensor.of(Shape.of(2), new double[] {1e6, 1e-6})};
        Tensor[][] byNumeric = derivatives.jacobian(numeric, cube, point, new int[] {0});
        Tensor[][] bound = NumericErrorBound.jacobian(cube, point, new int[] {0});
        assertWithin(byNumeric, derivatives.jacobian(exact, cube, point, new int[] {0}), bound, "x^3");
        assertThat(byNumeric[0][0].get(0)).isCloseTo(3e12, org.assertj.core.api.Assertions.within(3e12 * 1e-11));
        assertThat(byNumeric[0][0].get(3)).isCloseTo(3e-12, org.assertj.core.api.Assertions.within(3e-12 * 1e-6));
    }

    @Test
    void aZeroDirectionIsExactlyZero() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.SCALAR);
        int y = b.input("y", Shape.SCALAR);
        Compiled f = new Compiled(b.build(List.of(b.call("mul", b.call("exp", x), y)), List.of("f")), BuildLimits.NONE);
        Tensor[] point = {Tensor.scalar(0.3), Tensor.scalar(2.0)};
        Tensor[] jvp = derivatives.jvp(numeric, f, point, new int[] {0, 1}, new Tensor[] {Tensor.scalar(0.0), null});
        assertThat(jvp[0].scalarValue()).isEqualTo(0.0);
    }

    @Test
    void autoNeverPicksTheNumericEngine() {
        EngineRegistry registry = new EngineRegistry(List.of(numeric, new ReverseEngine(), exact));
        assertThat(registry.find("numeric")).containsSame(numeric);
        for (int in = 1; in < 5; in++) {
            for (int out = 1; out < 5; out++) {
                Compiled f = broadcastSum(in, out);
                for (Product product : Product.values()) {
                    assertThat(registry.auto(product, f, new int[] {0}).name()).isIn("forward", "reverse");
                }
            }
        }
    }

    @Test
    void theCostModelCountsItsFourEvaluationsPerDirection() {
        // ten inputs: a numeric gradient evaluates the function 4 * 10 times after the primal sweep
        Compiled f = compiled();
        long cost = f.graph().cost();
        int[] wrt = {0};
        assertThat(numeric.directionsCost(f, wrt, new int[] {0}, 10)).isEqualTo(40 * cost);
        assertThat(CostModel.estimate(Product.GRADIENT, numeric, f, wrt).elementOperations()).isEqualTo(41 * cost);
        assertThat(CostModel.estimate(Product.JVP, numeric, f, wrt).elementOperations()).isEqualTo(5 * cost);
        for (Product product : List.of(Product.GRADIENT, Product.JACOBIAN, Product.HESSIAN, Product.JVP, Product.VJP)) {
            assertThat(CostModel.estimate(product, numeric, f, wrt).elementOperations()).as(product.name())
                    .isGreaterThan(CostModel.estimate(product, exact, f, wrt).elementOperations());
        }
    }

    /** sum(x) broadcast to {@code out} elements, for an {@code x} of {@code in} elements. */
    private static Compiled broadcastSum(int in, int out) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(in));
        int y = b.call("mul", b.call("sum", x), b.constant(Tensor.filled(Shape.of(out), 1.0)));
        return new Compiled(b.build(List.of(y), List.of("f")), BuildLimits.NONE);
    }

    /** sum(sin(x)) over ten elements. */
    private static Compiled compiled() {
        BuildLimits limits = new BuildLimits(1000, 1000, Long.MAX_VALUE);
        GraphBuilder b = new GraphBuilder(limits);
        int x = b.input("x", Shape.of(10));
        return new Compiled(b.build(List.of(b.call("sum", b.call("sin", x))), List.of("f")), limits);
    }

    private static void assertWithin(Tensor[][] actual, Tensor[][] expected, Tensor[][] bound, String what) {
        for (int k = 0; k < actual.length; k++) {
            for (int j = 0; j < actual[k].length; j++) {
                assertWithin(actual[k][j], expected[k][j], bound[k][j], what + " [" + k + "][" + j + "]");
            }
        }
    }

    private static void assertWithin(Tensor actual, Tensor expected, Tensor bound, String what) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        for (int i = 0; i < actual.size(); i++) {
            // the exact engine rounds too, by a few ulps
            double tolerance = SAFETY * bound.get(i) + 4 * Math.ulp(expected.get(i));
            assertThat(Math.abs(actual.get(i) - expected.get(i)))
                    .as("%s, element %d: numeric %s, exact %s, documented error %s", what, i, actual.get(i),
                            expected.get(i), bound.get(i))
                    .isLessThanOrEqualTo(tolerance);
        }
    }
}
