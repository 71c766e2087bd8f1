package dev.gradient.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.GradientException;
import dev.gradient.op.Composite;
import dev.gradient.op.OpRegistry;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder infers shapes, expands composites, shares constants, and checks limits before it keeps a node. */
class GraphBuilderTest {

    @Test
    void eachNodeGetsItsInferredShape() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(2, 3));
        int s = b.call("sum", Attrs.of("axis", 1), x);
        assertThat(b.shape(s)).isEqualTo(Shape.of(2));
        ShapedGraph g = b.build(List.of(s), List.of("f"));
        assertThat(g.inputNames()).containsExactly("x");
        assertThat(g.shape(g.outputs().get(0))).isEqualTo(Shape.of(2));
    }

    @Test
    void aCompositeOpBecomesPrimitives() {
        assertThat(OpRegistry.standard().require("mean")).isInstanceOf(Composite.class);
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int mean = b.call("mean", b.input("x", Shape.of(3)));
        ShapedGraph g = b.build(List.of(mean), List.of("f"));
        assertThat(g.shape(mean)).isEqualTo(Shape.SCALAR);
        assertThat(g.nodes()).filteredOn(Node.Apply.class::isInstance)
                .allSatisfy(node -> assertThat(((Node.Apply) node).op()).isInstanceOf(Primitive.class));
    }

    @Test
    void scalarConstantsAreSharedAndRecognised() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int one = b.constant(1.0);
        assertThat(b.constant(1.0)).isEqualTo(one);
        assertThat(b.isConstant(one, 1.0)).isTrue();
        assertThat(b.scalarConstant(b.input("x", Shape.SCALAR))).isNull();
    }

    @Test
    void shapeHelpersAreTheIdentityWhereTheShapeFits() {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(3));
        assertThat(b.broadcastTo(x, Shape.of(3))).isEqualTo(x);
        assertThat(b.sumTo(x, Shape.of(3))).isEqualTo(x);
        assertThat(b.reshape(x, Shape.of(3))).isEqualTo(x);
        assertThat(b.shape(b.broadcastTo(x, Shape.of(2, 3)))).isEqualTo(Shape.of(2, 3));
        // a product with the constant 1 is its other factor
        assertThat(b.times(x, b.constant(1.0))).isEqualTo(x);
    }

    @Test
    void theNodeLimitIsCheckedBeforeANodeIsKept() {
        GraphBuilder b = new GraphBuilder(new BuildLimits(2, 100, 1_000));
        int x = b.input("x", Shape.SCALAR);
        b.call("exp", x);
        assertThatThrownBy(() -> b.call("exp", x)).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.limit()).isEqualTo("gradient.limits.max-nodes"));
        assertThat(b.size()).isEqualTo(2);
    }

    @Test
    void elementAndCostLimitsNameTheirProperty() {
        GraphBuilder elements = new GraphBuilder(new BuildLimits(100, 10, 1_000_000));
        assertThatThrownBy(() -> elements.input("x", Shape.of(11))).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.limit()).isEqualTo("gradient.limits.max-elements"));
        GraphBuilder cost = new GraphBuilder(new BuildLimits(100, 1_000, 10));
        int x = cost.input("x", Shape.of(8));
        assertThatThrownBy(() -> cost.call("exp", cost.call("exp", x))).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.limit()).isEqualTo("gradient.limits.max-cost"));
    }
}
