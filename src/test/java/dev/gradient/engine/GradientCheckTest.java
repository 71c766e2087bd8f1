package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.op.MisdifferentiatedSin;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The gradient check passes correct derivatives, catches wrong ones in the engine that has them, and counts non-finite entries as documented. */
class GradientCheckTest {

    private static final GradientCheck.Tolerance DEFAULTS = new GradientCheck.Tolerance(1e-5, 1e-3);

    private final NumericEngine numeric = new NumericEngine();
    private final GradientCheck check = new GradientCheck(new Derivatives(),
            new EngineRegistry(List.of(new ForwardEngine(), new ReverseEngine(), numeric)), numeric);


    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")
    void everyConformanceFunctionPasses(String id, String endpoint, JsonNode request) {
        CaseFunction c = CaseFunction.of(request);
        GradientCheck.Report report = check.check(new Evaluation(c.f(), c.point()), c.wrt(), DEFAULTS);
        assertThat(report.engines()).extracting(GradientCheck.EngineReport::engine).containsExactly("forward", "reverse");
        assertThat(report.passed()).as("%s: %s", id, report).isTrue();
        for (GradientCheck.EngineReport engine : report.engines()) {
            assertThat(engine.inputs()).hasSize(c.wrt().length);
            for (GradientCheck.InputReport input : engine.inputs()) {
                assertThat(input.maxRelDiff()).as("%s by %s", id, engine.engine()).isLessThan(1e-9);
            }
        }
    }

    @Test
    void aWrongDerivativeFailsInTheEngineThatHasIt() {
        // sin(x) * y with the reverse rule 1.1 cos(x): forward mode is right, reverse mode is not, and only by x
        Tensor[] point = {Tensor.of(Shape.of(3), new double[] {0.3, -1.2, 2.0}), Tensor.scalar(1.5)};
        GradientCheck.Report report = check.check(new Evaluation(wrongSinTimesY(1.0, 1.1), point), new int[] {0, 1},
                DEFAULTS);
        assertThat(report.passed()).isFalse();
        GradientCheck.EngineReport forward = report.engines().get(0);
        GradientCheck.EngineReport reverse = report.engines().get(1);
        assertThat(forward.passed()).as("%s", forward).isTrue();
        assertThat(reverse.inputs().get(0).passed()).isFalse();
        assertThat(reverse.inputs().get(1).passed()).isTrue();
        assertThat(reverse.mismatches()).isEqualTo(3);
        // f has three elements and x three: the Jacobian by x is diagonal, and its diagonal is 10% too large
        assertThat(reverse.listed()).extracting(GradientCheck.Mismatch::row).containsExactly(0, 1, 2);
        assertThat(reverse.listed()).extracting(GradientCheck.Mismatch::column).containsExactly(0, 1, 2);
        GradientCheck.Mismatch first = reverse.listed().get(0);
        assertThat(first.derivative()).isCloseTo(1.1 * Math.cos(0.3) * 1.5, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(first.numeric()).isCloseTo(Math.cos(0.3) * 1.5, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(reverse.inputs().get(0).maxRelDiff()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aWrongForwardRuleFailsForward() {
        Tensor[] point = {Tensor.of(Shape.of(3), new double[] {0.3, -1.2, 2.0}), Tensor.scalar(1.5)};
        GradientCheck.Report report = check.check(new Evaluation(wrongSinTimesY(1.1, 1.0), point), new int[] {0, 1},
                DEFAULTS);
        assertThat(report.engines().get(0).passed()).isFalse();
        assertThat(report.engines().get(1).passed()).isTrue();
    }

    @Test
    void tighterTolerancesCatchSmallerErrors() {
        // a derivative wrong by 1e-6 relative passes PyTorch's defaults but not atol = rtol = 1e-9
        Tensor[] point = {Tensor.of(Shape.of(3), new double[] {0.3, -1.2, 2.0}), Tensor.scalar(1.5)};
        Compiled f = wrongSinTimesY(1 + 1e-6, 1 + 1e-6);
        assertThat(check.check(new Evaluation(f, point), new int[] {0}, DEFAULTS).passed()).isTrue();
        assertThat(check.check(new Evaluation(f, point), new int[] {0}, new GradientCheck.Tolerance(1e-9, 1e-9)).passed())
                .isFalse();
    }

    @Test
    void anInfiniteDerivativeThatTheDifferencesCannotSeeFails() {
        // sqrt at 0: the AD engines say Infinity, the differences sample sqrt(-h), NaN
        GradientCheck.Report report = check.check(new Evaluation(unary("sqrt"), new Tensor[] {Tensor.scalar(0.0)}),
                new int[] {0}, DEFAULTS);
        for (GradientCheck.EngineReport engine : report.engines()) {
            assertThat(engine.passed()).isFalse();
            assertThat(engine.inputs().get(0).maxAbsDiff()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(engine.inputs().get(0).maxRelDiff()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(engine.listed().get(0).derivative()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(engine.listed().get(0).numeric()).isNaN();
        }
    }

    @Test
    void theSameNonFiniteValueOnBothSidesAgrees() {
        // sqrt at -1: NaN by every engine, numeric included
        GradientCheck.Report report = check.check(new Evaluation(unary("sqrt"), new Tensor[] {Tensor.scalar(-1.0)}),
                new int[] {0}, DEFAULTS);
        assertThat(report.passed()).isTrue();
        assertThat(report.engines().get(0).inputs().get(0).maxAbsDiff()).isZero();
        assertThat(GradientCheck.difference(Double.NaN, Double.NaN)).isZero();
        assertThat(GradientCheck.difference(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
        assertThat(GradientCheck.difference(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isInfinite();
        assertThat(GradientCheck.difference(1.0, Double.NaN)).isInfinite();
        assertThat(GradientCheck.difference(1.0, 1.5)).isEqualTo(0.5);
    }

    @Test
    void tolerancesMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> new GradientCheck.Tolerance(-1e-5, 1e-3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradientCheck.Tolerance(1e-5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradientCheck.Tolerance(Double.POSITIVE_INFINITY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The vector sin(x) * y, x of shape [3], with sin's rules wrong by these factors. */
    private static Compiled wrongSinTimesY(double forwardFactor, double reverseFactor) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(3));
        int y = b.input("y", Shape.SCALAR);
        int s = b.apply(new MisdifferentiatedSin("wrong_sin", forwardFactor, reverseFactor), Attrs.NONE, x);
        return new Compiled(b.build(List.of(b.call("mul", s, y)), List.of("f")), BuildLimits.NONE);
    }

    private static Compiled unary(String op) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.SCALAR);
        return new Compiled(b.build(List.of(b.call(op, x)), List.of("f")), BuildLimits.NONE);
    }
}
