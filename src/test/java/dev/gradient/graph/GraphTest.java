package dev.gradient.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.Origin;
import dev.gradient.op.OpRegistry;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A graph is checked when it is made: topological, unique ids, every input listed once. */
class GraphTest {

    private static final Node X = new Node.Input("x", null);
    private static final Node C = new Node.Const("c", Tensor.scalar(2));

    private static Node mul(String id, int a, int b) {
        return new Node.Apply(id, OpRegistry.standard().require("mul"), List.of(a, b), Attrs.NONE);
    }

    private static List<Origin> origins(int n) {
        return java.util.Collections.nCopies(n, Origin.UNKNOWN);
    }

    @Test
    void outputsAreNamedByTheirNodesUnlessNamedOtherwise() {
        Graph g = new Graph(List.of(X, C, mul("y", 0, 1)), List.of(0), List.of(2), origins(3));
        assertThat(g.inputNames()).containsExactly("x");
        assertThat(g.outputNames()).containsExactly("y");
        assertThat(g.inputIndex()).containsEntry("x", 0);
        Graph named = new Graph(List.of(X, C, mul("=f", 0, 1)), List.of(0), List.of(2), List.of("f"), origins(3));
        assertThat(named.outputNames()).containsExactly("f");
    }

    @Test
    void anArgumentMustComeBeforeItsNode() {
        assertThatThrownBy(() -> new Graph(List.of(X, mul("y", 0, 2), C), List.of(0), List.of(1), origins(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refers to a later node");
    }

    @Test
    void idsAreUniqueAndEveryInputNodeIsListedOnce() {
        assertThatThrownBy(() -> new Graph(List.of(X, new Node.Const("x", Tensor.scalar(1))), List.of(0), List.of(1),
                origins(2))).hasMessageContaining("duplicate node id x");
        assertThatThrownBy(() -> new Graph(List.of(X, C), List.of(), List.of(1), origins(2)))
                .hasMessageContaining("every input node must be listed once");
        assertThatThrownBy(() -> new Graph(List.of(X, C), List.of(1), List.of(1), origins(2)))
                .hasMessageContaining("is not an input node");
    }

    @Test
    void aGraphHasAnOutputAndAnOriginPerNode() {
        assertThatThrownBy(() -> new Graph(List.of(X), List.of(0), List.of(), origins(1)))
                .hasMessageContaining("at least one output");
        assertThatThrownBy(() -> new Graph(List.of(X), List.of(0), List.of(0), origins(2)))
                .hasMessageContaining("one origin per node");
        assertThatThrownBy(() -> new Graph(List.of(X, C), List.of(0), List.of(0, 1), List.of("f", "f"), origins(2)))
                .hasMessageContaining("one distinct name per output");
    }
}
