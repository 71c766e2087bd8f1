package dev.gradient.codegen;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workload of the issue, Rosenbrock's value and gradient at n = 1000, is the interpreter's to the bit compiled. */
class CompiledProgramTest {

    private static final int N = 1000;

    @Test
    void rosenbrockValueAndGradientAreTheInterpretersBitForBit() {
        Tensor x = CompiledFunctions.random(1, N);
        CompiledPaths.agree("rosenbrock", () -> {
            Compiled f = new Compiled(CompiledFunctions.shaped("sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)",
                    Shape.of(N)), BuildLimits.NONE);
            Derivatives.Gradient g = new Derivatives().gradient(new ReverseEngine(), f, new Tensor[] {x}, new int[] {0}, 0);
            List<Tensor> out = new ArrayList<>();
            out.add(g.value());
            out.addAll(List.of(g.gradient()));
            return out;
        });
    }
}
