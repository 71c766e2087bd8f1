package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.codegen.CompiledPaths;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
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

    static Stream<String> registeredOps() {
        return OpRegistry.standard().all().stream().map(Op::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredOps")
    void everyOpComputesTheSameBitsCompiledAsInterpreted(String name) {
        Op op = OpRegistry.standard().require(name);
        List<OpCases.Case> cases = OpCases.of(name);
        assertThat(cases).as("test cases for op '%s' in OpCases", name).isNotEmpty();
        for (OpCases.Case c : cases) {
            for (int p = 0; p < POINTS; p++) {
                long seed = name.hashCode() * 31L + p;
                CompiledPaths.agree(name + " " + c + " at point " + p, () -> run(op, c, new Random(seed)));
            }
        }
    }

    /** {@code y = op(args)}, {@code s = sum(W * y)}, their values and {@code s}'s derivatives. */
    private static List<Tensor> run(Op op, OpCases.Case c, Random random) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        List<Tensor> point = new ArrayList<>();
        int[] args = new int[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            OpCases.Arg arg = c.args().get(i);
            Tensor value = sample(arg.shape(), arg.domain(), random);
            if (arg.constant()) {
                args[i] = b.constant(value);
            } else {
                args[i] = b.input("x" + i, arg.shape());
                point.add(value);
            }
        }
        int y = b.apply(op, c.attrs(), args);
        int weights = b.constant(sample(b.shape(y), OpCases.ANY, random));
        int s = b.call("sum", b.call("mul", weights, b.call("sin", y)));
        Compiled f = new Compiled(b.build(List.of(s, y), List.of("s", "y")), BuildLimits.NONE);
        Tensor[] at = point.toArray(Tensor[]::new);
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

    private static Tensor sample(Shape shape, OpCases.Domain domain, Random random) {
        double[] v = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = domain.sample(random);
        }
        return Tensor.of(shape, v);
    }
}
