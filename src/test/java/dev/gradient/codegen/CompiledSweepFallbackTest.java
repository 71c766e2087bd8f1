package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A reverse sweep whose compiled adjoint program does not compile, or throws, is still served:
 * by the tape (and, for the one run that threw, by the adjoint graph's interpreter), with each
 * failing class logged once, never an error to the caller.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompiledSweepFallbackTest {

    private static final Shape SHAPE = Shape.of(40);
    private static final Tensor[] POINT = {CompiledFunctions.random(3, 40)};
    private static final int[] WRT = {0};
    private static final int RUNS = 4;

    private static Compiled function() {
        // one whose compiled adjoint fits the tape's cost estimate, so that a hot sweep runs it
        return new Compiled(CompiledFunctions.shaped("sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)", SHAPE),
                BuildLimits.NONE);
    }

    private static Tensor gradient(Compiled f) {
        return new Derivatives().gradient(new ReverseEngine(), f, POINT, WRT, 0).gradient()[0];
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UNCOMPILABLE, could not be compiled and stays interpreted",
        "THROWS, Compiled code failed where the interpreter did not"
    })
    void aFailingAdjointClassLeavesTheSweepOnTheTapeAndIsLoggedOnce(Fault fault, String logged, CapturedOutput output) {
        Tensor onTape = CompiledPaths.run(Compilation.onCallingThread(CompiledPaths.INTERPRETED),
                () -> List.of(gradient(function()))).values().get(0);
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        compilation.inject(fault);
        Compilation previous = Compilation.install(compilation);
        try {
            Compiled f = function();
            for (int run = 0; run < RUNS; run++) {
                Tensor g = gradient(f);
                if (run == 0 && fault == Fault.THROWS) {
                    // the run that threw is answered by the adjoint graph's interpreter: the tape's numbers to rounding
                    for (int i = 0; i < g.size(); i++) {
                        assertThat(g.get(i)).isCloseTo(onTape.get(i), within(1e-12 * Math.max(1, Math.abs(onTape.get(i)))));
                    }
                } else {
                    CompiledPaths.assertSameBits("run " + run, List.of(onTape), List.of(g));
                }
            }
        } finally {
            Compilation.install(previous);
        }
        // one failure each: the primal program and the adjoint program
        assertThat(compilation.failures()).isEqualTo(2);
        assertThat(occurrences(output.getAll(), logged)).isEqualTo(2);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
