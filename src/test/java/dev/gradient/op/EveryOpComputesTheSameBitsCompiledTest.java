package dev.gradient.op;

import dev.gradient.codegen.CompiledPaths;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered op, on every case of {@link OpCases}, computes the same bits compiled as
 * interpreted: the op's value and {@code sum(W * sin(y))} of it, so that an elementwise op
 * meets others inside one fused loop, with that sum's reverse-mode gradient (whose adjoint
 * program is compiled too) and its Hessian both ways.
 */
class EveryOpComputesTheSameBitsCompiledTest {

    private static final int POINTS = 2;
    private static final Engine FORWARD = new ForwardEngine();
    private static final Engine REVERSE = new ReverseEngine();
    private static final Derivatives DERIVATIVES = new Derivatives();

    /** Every registered op has cases: {@link EveryOpIsDifferentiatedCorrectlyTest} checks that. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.op.EveryOpIsDifferentiatedCorrectlyTest#registeredOps")
    void everyOpComputesTheSameBitsCompiledAsInterpreted(String name) {
        Op op = OpRegistry.standard().require(name);
        List<OpCases.Case> cases = OpCases.of(name);
        for (OpCases.Case c : cases) {
            for (int p = 0; p < POINTS; p++) {
                long seed = name.hashCode() * 31L + p;
                CompiledPaths.agree(name + " " + c + " at point " + p, () -> run(op, c, new Random(seed)));
            }
        }
    }

    /** {@code y = op(args)}, {@code s = sum(W * sin(y))}, their values and {@code s}'s derivatives. */
    private static List<Tensor> run(Op op, OpCases.Case c, Random random) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        OpCall call = OpCall.of(b, op, c, random);
        int y = call.node();
        int weights = b.constant(OpCall.sample(b.shape(y), OpCases.ANY, random));
        int s = b.call("sum", b.call("mul", weights, b.call("sin", y)));
        Compiled f = new Compiled(b.build(List.of(s, y), List.of("s", "y")), BuildLimits.NONE);
        Tensor[] at = call.point();
        int[] wrt = new int[at.length];
        Arrays.setAll(wrt, i -> i);
        List<Tensor> out = new ArrayList<>(Arrays.asList(DERIVATIVES.evaluate(f, at)));
        if (wrt.length == 0) {
            return out;
        }
        Derivatives.Gradient g = DERIVATIVES.gradient(REVERSE, f, at, wrt, 0);
        out.addAll(Arrays.asList(g.gradient()));
        for (Engine engine : List.of(FORWARD, REVERSE)) {
            for (Tensor[] row : DERIVATIVES.hessian(engine, f, at, wrt, 0).hessian()) {
                out.addAll(Arrays.asList(row));
            }
        }
        return out;
    }
}
