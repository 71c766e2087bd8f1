package dev.gradient.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.op.OpRegistry;
import dev.gradient.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typing a graph for its input shapes: inputs in input order, and an op's error names the node and where it was written. */
class GraphCompilerTest {

    private static final Origin WRITTEN = new Origin("/graph/nodes/0", -1);

    /** {@code y = x0 + x1}, with the inputs listed in the order {@code x1, x0}. */
    private static Graph sum() {
        List<Node> nodes = List.of(new Node.Input("x0", null), new Node.Input("x1", null),
                new Node.Apply("y", OpRegistry.standard().require("add"), List.of(0, 1), Attrs.NONE));
        return new Graph(nodes, List.of(1, 0), List.of(2), List.of(Origin.UNKNOWN, Origin.UNKNOWN, WRITTEN));
    }

    @Test
    void shapesAreGivenInTheGraphsInputOrder() {
        ShapedGraph g = GraphCompiler.compile(sum(), new Shape[] {Shape.of(3), Shape.SCALAR}, BuildLimits.NONE);
        assertThat(g.shape(g.outputs().get(0))).isEqualTo(Shape.of(3));
        assertThat(g.outputNames()).containsExactly("y");
    }

    @Test
    void anOpThatCannotApplyNamesTheNodeAndItsOrigin() {
        assertThatThrownBy(() -> GraphCompiler.compile(sum(), new Shape[] {Shape.of(2), Shape.of(3)}, BuildLimits.NONE))
                .isInstanceOfSatisfying(GradientException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH);
                    assertThat(e.origin()).isEqualTo(WRITTEN);
                    assertThat(e.getMessage()).startsWith("node 'y': ");
                });
    }
}
