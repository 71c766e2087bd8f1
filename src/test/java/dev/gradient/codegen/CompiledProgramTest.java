package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompiledProgramTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));
    private static final Derivatives DERIVATIVES = new Derivatives();

    static Compiled expression(String expression, Shape... shapes) {
        return new Compiled(GraphCompiler.compile(PARSER.expression(expression, "/expression"), shapes, BuildLimits.NONE),
                BuildLimits.NONE);
    }

    static Tensor random(long seed, int n) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 4 * random.nextDouble() - 2;
        }
        return Tensor.of(Shape.of(n), v);
    }

    @Test
    void rosenbrockValueAndGradientAreTheInterpretersBitForBit() {
        Tensor x = random(1, 1000);
        CompiledPaths.agree("rosenbrock", () -> {
            Compiled f = expression("sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)", Shape.of(1000));
            Derivatives.Gradient g = DERIVATIVES.gradient(new ReverseEngine(), f, new Tensor[] {x}, new int[] {0}, 0);
            List<Tensor> out = new ArrayList<>();
            out.add(g.value());
            out.addAll(List.of(g.gradient()));
            return out;
        });
    }
}
