package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A program is interpreted until its threshold of runs, then compiled on the background thread,
 * never on the thread that runs it, and swapped in; a prefix other than the one it was compiled
 * for is interpreted.
 */
class TieringTest {

    private static final ShapedGraph GRAPH = CompiledFunctions.shaped("sum(a * b + sin(a))", Shape.of(50), Shape.of(50));
    private static final Tensor[] POINT = {CompiledFunctions.random(1, 50), CompiledFunctions.random(2, 50)};
    private static final int THRESHOLD = 3;

    @Test
    void compilationHappensOffTheCallingThreadAfterTheThreshold() throws InterruptedException {
        Compilation compilation = new Compilation(new CompileSettings(true, THRESHOLD, 1_000, 1_000, 4));
        Program program = CompiledFunctions.program(compilation, GRAPH);
        for (int r = 0; r < THRESHOLD; r++) {
            program.run(POINT, new Tensor[0]);
        }
        Thread.sleep(50);
        assertThat(compilation.lastCompiledOn()).as("nothing compiled before the threshold").isNull();
        assertThat(Compilation.isCompiled(program)).isFalse();
        Tensor[] expected = new Plan(GRAPH).run(POINT, new Tensor[0]);
        CompiledPaths.assertSameBits("the run that reaches the threshold",
                Arrays.asList(expected), Arrays.asList(program.run(POINT, new Tensor[0])));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Compilation.isCompiled(program) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Compilation.isCompiled(program)).as("compiled within 20 s").isTrue();
        assertThat(compilation.lastCompiledOn()).isEqualTo("gradient-compile").isNotEqualTo(Thread.currentThread().getName());
        CompiledPaths.assertSameBits("a compiled run", Arrays.asList(expected), Arrays.asList(program.run(POINT, new Tensor[0])));
    }

    @Test
    void aProgramWithCompilationOffIsThePlanItself() {
        Compilation off = Compilation.onCallingThread(CompiledPaths.INTERPRETED);
        assertThat(CompiledFunctions.program(off, GRAPH)).isInstanceOf(Plan.class);
    }

    @Test
    void aRunWithAnotherKnownPrefixIsInterpreted() {
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        Program program = CompiledFunctions.program(compilation, GRAPH);
        Tensor[] all = program.run(POINT, new Tensor[0]);
        assertThat(Compilation.isCompiled(program)).isTrue();
        // the first three values given: the compiled code, made for none, must not run
        Tensor[] known = Arrays.copyOf(all, 3);
        CompiledPaths.assertSameBits("with a known prefix", Arrays.asList(new Plan(GRAPH).run(POINT, known)),
                Arrays.asList(program.run(POINT, known)));
    }
}
