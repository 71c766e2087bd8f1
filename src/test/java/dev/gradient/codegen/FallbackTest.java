package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A program that cannot be compiled, or whose compiled code fails, is still served, with the
 * interpreter's values: too large for {@code max-nodes}, source that does not compile, and a
 * class that throws at run time, which is dropped and logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FallbackTest {

    private static final ShapedGraph GRAPH = CompiledFunctions.shaped("sum(a * b + sin(a))", Shape.of(50), Shape.of(50));
    private static final Tensor[] POINT = {CompiledFunctions.random(1, 50), CompiledFunctions.random(2, 50)};
    private static final int RUNS = 5;

    private static List<Tensor> interpreted() {
        return Arrays.asList(new Plan(GRAPH).run(POINT, new Tensor[0]));
    }

    private static void runsAsTheInterpreter(Program program) {
        for (int r = 0; r < RUNS; r++) {
            CompiledPaths.assertSameBits("run " + r, interpreted(), Arrays.asList(program.run(POINT, new Tensor[0])));
        }
    }

    @Test
    void aProgramOverTheSizeCapIsServedInterpreted() {
        Compilation compilation = Compilation.onCallingThread(new CompileSettings(true, 0, GRAPH.size() - 1, 1_000, 1));
        Program program = CompiledFunctions.program(compilation, GRAPH);
        runsAsTheInterpreter(program);
        assertThat(Compilation.isCompiled(program)).isFalse();
        assertThat(compilation.compilations()).isZero();
        assertThat(compilation.failures()).isZero();
    }

    @Test
    void aProgramAtTheSizeCapIsCompiled() {
        Compilation compilation = Compilation.onCallingThread(new CompileSettings(true, 0, GRAPH.size(), 1_000, 1));
        Program program = CompiledFunctions.program(compilation, GRAPH);
        runsAsTheInterpreter(program);
        assertThat(Compilation.isCompiled(program)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UNCOMPILABLE, 0, could not be compiled and stays interpreted",
        "THROWS, 1, Compiled code failed where the interpreter did not"
    })
    void aFailingClassLeavesTheProgramInterpretedAndIsLoggedOnce(Fault fault, long compiled, String logged,
            CapturedOutput output) {
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        compilation.inject(fault);
        Program program = CompiledFunctions.program(compilation, GRAPH);
        runsAsTheInterpreter(program);
        assertThat(Compilation.isCompiled(program)).isFalse();
        assertThat(compilation.compilations()).isEqualTo(compiled);
        assertThat(compilation.failures()).isOne();
        assertThat(occurrences(output.getAll(), logged)).isOne();
    }

    @Test
    void aFailingClassIsNotReusedByTheNextProgram() {
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        compilation.inject(Fault.THROWS);
        runsAsTheInterpreter(CompiledFunctions.program(compilation, GRAPH));
        compilation.inject(Fault.NONE);
        Program next = CompiledFunctions.program(compilation, GRAPH);
        runsAsTheInterpreter(next);
        assertThat(Compilation.isCompiled(next)).isTrue();
    }

    @Test
    void anErrorThatTheInterpreterThrowsTooIsTheAnswerAndKeepsTheCompiledCode() {
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        Program program = CompiledFunctions.program(compilation, GRAPH);
        runsAsTheInterpreter(program);
        Tensor[] missing = {null, null};
        String interpreted = failure(() -> new Plan(GRAPH).run(missing, new Tensor[0]));
        assertThat(interpreted).isNotNull();
        assertThat(failure(() -> program.run(missing, new Tensor[0]))).isEqualTo(interpreted);
        assertThat(Compilation.isCompiled(program)).isTrue();
    }

    private static String failure(Runnable run) {
        try {
            run.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
