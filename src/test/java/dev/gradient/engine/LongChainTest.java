package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph algorithms are loops, not recursion: a chain of 200,000 nodes is differentiated without a stack overflow. */
class LongChainTest {

    private static final int LENGTH = 200_000;

    @Test
    void aChainOfTwoHundredThousandNodesIsDifferentiatedInBothEngines() {
        // f = x * c * c * ... * c with c = 1 + 1e-6, so f'(x) = c^LENGTH
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.SCALAR);
        int c = b.constant(1.0 + 1e-6);
        int node = x;
        for (int i = 0; i < LENGTH; i++) {
            node = b.call("mul", node, c);
        }
        Compiled f = new Compiled(b.build(List.of(node), List.of("f")), BuildLimits.NONE);
        double expected = Math.pow(1.0 + 1e-6, LENGTH);
        Derivatives derivatives = new Derivatives();
        for (Engine engine : List.of(new ForwardEngine(), new ReverseEngine())) {
            Derivatives.Gradient g = derivatives.gradient(engine, f, new Tensor[] {Tensor.scalar(2.0)}, new int[] {0}, 0);
            assertThat(g.gradient()[0].scalarValue()).as(engine.name()).isCloseTo(expected, within(1e-9 * expected));
            assertThat(g.value().scalarValue()).isCloseTo(2 * expected, within(1e-9 * expected));
        }
    }
}
