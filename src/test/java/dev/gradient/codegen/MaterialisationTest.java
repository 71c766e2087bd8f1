package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which values a compiled run stores: every node's in a program of every value (engines read
 * primal intermediates), and in a program for its outputs only, the outputs and whatever a step
 * outside its own loop reads.
 */
class MaterialisationTest {

    /** One loop of a*b, sin(a) and their sum, then a call (sum) that reads only the last. */
    private static final ShapedGraph GRAPH = CompiledFunctions.shaped("sum(a * b + sin(a))", Shape.of(50), Shape.of(50));
    private static final Tensor[] POINT = {CompiledFunctions.random(1, 50), CompiledFunctions.random(2, 50)};

    @Test
    void aProgramOfEveryValueStoresEveryNode() {
        Tensor[] values = compiledRun(CompiledFunctions.program(Compilation.onCallingThread(CompiledPaths.AT_ONCE), GRAPH));
        assertThat(values).doesNotContainNull();
        CompiledPaths.assertSameBits("every value", List.of(new Plan(GRAPH).run(POINT, new Tensor[0])), List.of(values));
    }

    @Test
    void aProgramOfItsOutputsKeepsValuesThatOnlyTheirLoopReadsOutOfMemory() {
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        Tensor[] values = compiledRun(compilation.outputsProgram(GRAPH, new Plan(GRAPH)));
        Tensor[] interpreted = new Plan(GRAPH).run(POINT, new Tensor[0]);
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                left.add(i);
            } else {
                CompiledPaths.assertSameBits("node " + i, List.of(interpreted[i]), List.of(values[i]));
            }
        }
        // a * b and sin(a) stay in the loop; their sum, which the call reads, and the output are stored
        assertThat(left).hasSize(2);
        int output = GRAPH.outputs().get(0);
        assertThat(values[output]).isNotNull();
        assertThat(values[GRAPH.nodes().size() - 1]).isNotNull();
    }

    private static Tensor[] compiledRun(Program program) {
        Tensor[] values = program.run(POINT, new Tensor[0]);
        assertThat(Compilation.isCompiled(program)).isTrue();
        return values;
    }
}
