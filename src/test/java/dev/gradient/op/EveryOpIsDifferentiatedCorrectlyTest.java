package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Compiled;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered op, on every case of {@link OpCases}, at several random points: its first
 * derivatives in both engines, and the Hessian of a random weighting of its output, through
 * {@link DerivativeCheck}. An op without cases fails here, so a new op is tested by being
 * registered.
 */
class EveryOpIsDifferentiatedCorrectlyTest {

    private static final int POINTS = 3;

    static Stream<String> registeredOps() {
        return OpRegistry.standard().all().stream().map(Op::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredOps")
    void everyOpIsDifferentiatedCorrectly(String name) {
        Op op = OpRegistry.standard().require(name);
        List<OpCases.Case> cases = OpCases.of(name);
        assertThat(cases).as("test cases for op '%s' in OpCases", name).isNotEmpty();
        Random random = new Random(name.hashCode());
        for (OpCases.Case c : cases) {
            for (int p = 0; p < POINTS; p++) {
                check(op, c, random, name + " " + c + " at point " + p);
            }
        }
    }

    @Test
    void everyTestCaseNamesARegisteredOp() {
        assertThat(OpCases.names()).allSatisfy(name -> assertThat(OpRegistry.standard().find(name)).isPresent());
    }

    /**
     * Builds {@code y = op(args)} and {@code s = sum(W * y)} with a random constant {@code W},
     * so that the scalar {@code s} has a Hessian that involves every element of {@code y}.
     */
    private static void check(Op op, OpCases.Case c, Random random, String label) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        OpCall call = OpCall.of(b, op, c, random);
        int y = call.node();
        int weights = b.constant(OpCall.sample(b.shape(y), OpCases.ANY, random));
        int s = b.call("sum", b.call("mul", weights, y));
        Compiled f = new Compiled(b.build(List.of(y, s), List.of("y", "s")), BuildLimits.NONE);
        Tensor[] at = call.point();
        DerivativeCheck check = new DerivativeCheck(random, label);
        if (c.zeroDerivative()) {
            check.zeroDerivative(f, at, 1);
        } else {
            check.firstOrder(f, at);
            check.secondOrder(f, at, 1);
        }
    }
}
