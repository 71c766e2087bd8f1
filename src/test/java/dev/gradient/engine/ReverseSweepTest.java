package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.codegen.Compilation;
import dev.gradient.codegen.CompileSettings;
import dev.gradient.codegen.CompiledPaths;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.program.ElementOperations;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The tiers of the first-order reverse sweep ({@link ReverseSweep}): the tape until the sweep is
 * hot, then the compiled adjoint program, whose gradients are the interpreted adjoint graph's
 * bit for bit and the tape's to rounding; the tape for good where the adjoint cannot be
 * compiled, with a matrix product, and where the compiled program would do more work than the
 * tape's estimate. Every conformance case without a matrix product is swept compiled.
 */
class ReverseSweepTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));
    private static final String ROSENBROCK = "sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)";
    private static final int N = 7;
    private static final int[] WRT = {0};
    private static final int[] OUTPUTS = {0};

    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();

    private static Compiled function(String expression, Shape shape) {
        return new Compiled(GraphCompiler.compile(PARSER.expression(expression, "/expression"), new Shape[] {shape},
                BuildLimits.NONE), BuildLimits.NONE);
    }

    private static Tensor point(long seed, int n) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 3 * random.nextDouble() - 1.5;
        }
        return Tensor.of(Shape.of(n), v);
    }

    private static <T> T with(CompileSettings settings, Supplier<T> work) {
        Compilation previous = Compilation.install(Compilation.onCallingThread(settings));
        try {
            return work.get();
        } finally {
            Compilation.install(previous);
        }
    }

    private static CompileSettings atThreshold(int threshold, int maxNodes) {
        return new CompileSettings(true, threshold, maxNodes, 1_000_000, 1);
    }

    private Tensor gradient(Compiled f, Tensor x) {
        return derivatives.gradient(reverse, f, new Tensor[] {x}, WRT, 0).gradient()[0];
    }

    private static Tensor byTape(Compiled f, Tensor x) {
        Evaluation at = new Evaluation(f, new Tensor[] {x});
        return ReversePasses.of(f).tape(WRT, OUTPUTS).run(at.values(), new Tensor[][] {{Tensor.scalar(1.0)}},
                at.arena())[0][0];
    }

    @Test
    void aHotSweepRunsTheCompiledAdjointWithTheInterpretedAdjointGraphsBits() {
        Tensor x = point(1, N);
        Compiled hot = with(atThreshold(0, 5_000), () -> function(ROSENBROCK, Shape.of(N)));
        Tensor compiled = with(atThreshold(0, 5_000), () -> gradient(hot, x));
        assertThat(ReversePasses.of(hot).sweep(WRT, OUTPUTS).runsCompiled()).isTrue();

        Compiled cold = with(new CompileSettings(false, 0, 0, 0, 1), () -> function(ROSENBROCK, Shape.of(N)));
        Tensor[] byGraph = ReverseEngine.vjpByAdjointGraph(new Evaluation(cold, new Tensor[] {x}), WRT, OUTPUTS,
                new Tensor[][] {{Tensor.scalar(1.0)}})[0];
        CompiledPaths.assertSameBits("compiled sweep against the interpreted adjoint graph", List.of(byGraph[0]),
                List.of(compiled));
        Tensor tape = byTape(cold, x);
        for (int i = 0; i < N; i++) {
            assertThat(compiled.get(i)).as("element %d against the tape", i)
                    .isCloseTo(tape.get(i), within(1e-12 * Math.max(1, Math.abs(tape.get(i)))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")
    void conformanceCasesSweepCompiledWithTheAdjointGraphsBitsAndTheTapesToRounding(String id, String endpoint,
            JsonNode request) {
        CaseFunction hot = with(atThreshold(0, 5_000), () -> CaseFunction.of(request));
        CaseFunction cold = with(new CompileSettings(false, 0, 0, 0, 1), () -> CaseFunction.of(request));
        int[] outputs = hot.f().allOutputs();
        Random random = new Random(id.hashCode());
        Tensor[][] cotangent = new Tensor[1][outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            Shape shape = hot.f().graph().shape(hot.f().graph().outputs().get(k));
            double[] values = new double[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian();
            }
            cotangent[0][k] = Tensor.of(shape, values);
        }
        ReverseSweep sweep = with(atThreshold(0, 5_000), () -> ReversePasses.of(hot.f()).sweep(hot.wrt(), outputs));
        Tensor[] compiled = with(atThreshold(0, 5_000),
                () -> sweep.run(new Evaluation(hot.f(), hot.point()), cotangent)[0]);
        assertThat(sweep.runsCompiled()).as("%s: compiled", id).isEqualTo(!ReverseSweep.hasMatrixProduct(hot.f().graph()));
        Evaluation at = new Evaluation(cold.f(), cold.point());
        if (sweep.runsCompiled()) {
            Tensor[] byGraph = ReverseEngine.vjpByAdjointGraph(at, cold.wrt(), outputs, cotangent)[0];
            CompiledPaths.assertSameBits(id, Arrays.asList(byGraph), Arrays.asList(compiled));
        }
        Tensor[] byTape = ReversePasses.of(cold.f()).tape(cold.wrt(), outputs).run(at.values(), cotangent, at.arena())[0];
        for (int j = 0; j < byTape.length; j++) {
            for (int i = 0; i < byTape[j].size(); i++) {
                double tape = byTape[j].get(i);
                if (Double.isFinite(tape)) {
                    assertThat(compiled[j].get(i)).as("%s: input %d, element %d against the tape", id, j, i)
                            .isCloseTo(tape, within(1e-12 * Math.max(1, Math.abs(tape))));
                } else {
                    assertThat(compiled[j].get(i)).as("%s: input %d, element %d against the tape", id, j, i).isEqualTo(tape);
                }
            }
        }
    }

    @Test
    void theTapeRunsUntilTheThresholdThenTheCompiledAdjoint() {
        Tensor x = point(2, N);
        int threshold = 3;
        with(atThreshold(threshold, 5_000), () -> {
            Compiled f = function(ROSENBROCK, Shape.of(N));
            ReverseSweep sweep = ReversePasses.of(f).sweep(WRT, OUTPUTS);
            for (int run = 0; run < threshold; run++) {
                CompiledPaths.assertSameBits("run " + run + " on the tape", List.of(byTape(f, x)), List.of(gradient(f, x)));
                assertThat(sweep.runsCompiled()).as("compiled after run %d", run).isFalse();
            }
            gradient(f, x);
            assertThat(sweep.runsCompiled()).isTrue();
            return null;
        });
    }

    @Test
    void aFunctionWhoseAdjointIsPastMaxNodesStaysOnTheTape() {
        Tensor x = point(3, N);
        with(atThreshold(0, 12), () -> {
            Compiled f = function(ROSENBROCK, Shape.of(N));
            for (int run = 0; run < 3; run++) {
                CompiledPaths.assertSameBits("run " + run, List.of(byTape(f, x)), List.of(gradient(f, x)));
            }
            assertThat(ReversePasses.of(f).sweep(WRT, OUTPUTS).runsCompiled()).isFalse();
            return null;
        });
    }

    @Test
    void compiledSweepsOfWhereKeepExactZerosOnTheBranchNotTaken() {
        // sqrt' is Infinity at 0 and NaN below: the compiled adjoint's live masks keep them out
        Tensor x = Tensor.of(Shape.of(4), new double[] {-1.0, 0.0, 4.0, -0.0});
        with(atThreshold(0, 5_000), () -> {
            Compiled f = function("sum(where(x > 0, sqrt(x), 3 * x))", Shape.of(4));
            Tensor g = gradient(f, x);
            assertThat(ReversePasses.of(f).sweep(WRT, OUTPUTS).runsCompiled()).isTrue();
            assertThat(g.values()).containsExactly(3.0, 3.0, 0.25, 3.0);
            Compiled sqrtOnly = function("sum(where(x > 0, sqrt(x), 0 * x))", Shape.of(4));
            Tensor zeros = gradient(sqrtOnly, x);
            assertThat(Arrays.stream(zeros.values()).map(v -> 1 / v).toArray())
                    .as("the dead elements' gradients are +0, not NaN or -0")
                    .containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 4.0, Double.POSITIVE_INFINITY);
            return null;
        });
    }

    @Test
    void manyDirectionsStayOnTheTapeWhenTheCompiledAdjointWouldCostMore() {
        // the tape computes each node's partials once for all 6 directions, the adjoint once per direction, so past a
        // few directions the tape's estimate (what max-cost was checked against) is the lower: Rosenbrock's adjoint
        // fits it for one direction, not for six
        Compiled f = with(atThreshold(0, 5_000), () -> function(ROSENBROCK, Shape.of(6)));
        Tensor x = point(4, 6);
        Evaluation at = new Evaluation(f, new Tensor[] {x});
        Tensor[][] cotangents = new Tensor[6][];
        for (int d = 0; d < 6; d++) {
            cotangents[d] = new Tensor[] {Tensor.scalar(d + 1.0)};
        }
        ReverseSweep sweep = with(atThreshold(0, 5_000), () -> {
            ReverseSweep s = ReversePasses.of(f).sweep(WRT, OUTPUTS);
            s.run(at, new Tensor[][] {cotangents[0]});
            return s;
        });
        assertThat(sweep.runsCompiled()).isTrue();
        at.values();
        Tensor[][] one = {cotangents[0]};
        // which path ran shows in the element operations counted: the tape's steps or the adjoint program's nodes
        assertThat(ElementOperations.count(() -> sweep.run(at, one)).operations()).as("one direction, compiled")
                .isNotEqualTo(ElementOperations.count(() -> sweep.tape().run(at.values(), one, at.arena())).operations());
        ElementOperations.Counted<Tensor[][]> together = ElementOperations.count(() -> sweep.run(at, cotangents));
        ElementOperations.Counted<Tensor[][]> onTape =
                ElementOperations.count(() -> sweep.tape().run(at.values(), cotangents, at.arena()));
        assertThat(together.operations()).as("six directions, on the tape").isEqualTo(onTape.operations());
        for (int d = 0; d < 6; d++) {
            CompiledPaths.assertSameBits("direction " + d, List.of(onTape.result()[d][0]), List.of(together.result()[d][0]));
        }
    }
}
