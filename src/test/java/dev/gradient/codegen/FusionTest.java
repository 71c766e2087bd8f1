package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fusion schedule keeps a chain of elementwise nodes one loop where a call reads a member
 * half-way (the call waits for the loop), and takes a broadcast of a single element into the
 * loop that reads it, as an adjoint graph's sum pullback is; the compiled values stay the
 * interpreter's bits.
 */
class FusionTest {

    private static final Shape SIX = Shape.of(6);

    private static void compiledAsInterpreted(ShapedGraph graph, Tensor... point) {
        Program program = CompiledFunctions.program(Compilation.onCallingThread(CompiledPaths.AT_ONCE), graph);
        List<Tensor> interpreted = Arrays.asList(new Plan(graph).run(point, new Tensor[0]));
        CompiledPaths.assertSameBits("compiled", interpreted, Arrays.asList(program.run(point, new Tensor[0])));
        assertThat(Compilation.isCompiled(program)).isTrue();
    }

    @Test
    void aCallThatReadsAMemberWaitsForTheLoopToClose() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", SIX);
        int a = b.call("sin", x);
        int s = b.call("sum", a);
        int twice = b.call("mul", a, b.constant(2.0));
        int c = b.call("add", twice, x);
        ShapedGraph graph = b.build(List.of(s, c), List.of("s", "c"));

        List<Fusion.Step> steps = Fusion.schedule(graph, new Plan(graph), 0);

        assertThat(steps).containsExactly(new Fusion.Loop(6, List.of(a, twice, c)), new Fusion.Call(s));
        compiledAsInterpreted(graph, CompiledFunctions.random(1, 6));
    }

    @Test
    void aFusibleNodeThatReadsAWaitingCallClosesTheLoopFirst() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", SIX);
        int a = b.call("sin", x);
        int s = b.call("sum", a);
        int scaled = b.call("mul", a, s);
        ShapedGraph graph = b.build(List.of(scaled), List.of("f"));

        List<Fusion.Step> steps = Fusion.schedule(graph, new Plan(graph), 0);

        assertThat(steps).containsExactly(new Fusion.Loop(6, List.of(a)), new Fusion.Call(s),
                new Fusion.Loop(6, List.of(scaled)));
        compiledAsInterpreted(graph, CompiledFunctions.random(2, 6));
    }

    @Test
    void aBroadcastOfOneElementIsAMemberOfTheLoopThatReadsIt() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", SIX);
        int y = b.input("y", Shape.SCALAR);
        int spread = b.broadcastTo(y, SIX);
        int product = b.call("mul", spread, x);
        ShapedGraph graph = b.build(List.of(product), List.of("f"));

        List<Fusion.Step> steps = Fusion.schedule(graph, new Plan(graph), 0);

        assertThat(steps).containsExactly(new Fusion.Loop(6, List.of(spread, product)));
        // a NaN's payload is copied as the interpreter copies it
        compiledAsInterpreted(graph, CompiledFunctions.random(3, 6), Tensor.scalar(Double.longBitsToDouble(0x7ff8_0000_0000_0123L)));
        compiledAsInterpreted(graph, CompiledFunctions.random(4, 6), Tensor.scalar(-0.0));
    }
}
