package dev.gradient.op;

import static dev.gradient.op.Functions.ENGINES;
import static dev.gradient.op.Functions.assertElements;
import static dev.gradient.op.Functions.gradient;
import static dev.gradient.op.Functions.hessian;
import static dev.gradient.op.Functions.matrix;
import static dev.gradient.op.Functions.value;
import static dev.gradient.op.Functions.vector;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Engine;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code where}'s untaken branch contributes exactly zero even when it reaches the {@code
 * where} through structural ops: each op's live mask must carry "not selected" back to exactly
 * the argument elements it came from. Each function here takes {@code sqrt} at 0, whose
 * infinite derivative would turn into NaN if a dead element were treated as live.
 */
class NaNSafeWhereTest {

    /** {@code where(y > 0, y, 0)}, summed: the positive part of {@code y}. */
    private static int positivePart(GraphBuilder b, int y) {
        int zero = b.constant(0.0);
        return b.call("sum", b.call("where", b.call("gt", y, zero), y, zero));
    }

    @Test
    void theUntakenBranchContributesNothing() {
        Compiled f = Functions.of((b, x) -> b.call("where", b.call("gt", x[0], b.constant(0.0)),
                b.call("sqrt", x[0]), b.call("neg", x[0])), Shape.SCALAR);
        assertElements(value(f, Tensor.scalar(-4)), "value", 4);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, Tensor.scalar(-4))[0], engine.name(), -1);
            assertElements(hessian(engine, f, Tensor.scalar(-4))[0][0], engine.name(), 0);
        }
    }

    @Test
    void throughASlice() {
        // sqrt([0, 4, 9])[1:]: element 0 is never selected
        Compiled f = Functions.of((b, x) -> positivePart(b,
                b.call("slice", Attrs.of("spec", "1:"), b.call("sqrt", x[0]))), Shape.of(3));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, 4, 9))[0], engine.name(), 0, 0.25, 1.0 / 6);
        }
    }

    @Test
    void throughAConcat() {
        // concat(sqrt(x), sqrt(x)) at x = [0, 4]: element 0 is dead in both parts
        Compiled f = Functions.of((b, x) -> {
            int s = b.call("sqrt", x[0]);
            return positivePart(b, b.call("concat", s, s));
        }, Shape.of(2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, 4))[0], engine.name(), 0, 0.5);
        }
    }

    @Test
    void throughATranspose() {
        Compiled f = Functions.of((b, x) -> positivePart(b, b.call("transpose", b.call("sqrt", x[0]))), Shape.of(2, 2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, matrix(2, 2, 0, 4, 1, 0))[0], engine.name(), 0, 0.25, 0.5, 0);
        }
    }

    @Test
    void throughAMaxReduction() {
        // row maxima of sqrt([[0, 0], [4, 1]]) are [0, 2]: row 0 is dead, ties and all
        Compiled f = Functions.of((b, x) -> positivePart(b,
                b.call("max", Attrs.of("axis", 1), b.call("sqrt", x[0]))), Shape.of(2, 2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, matrix(2, 2, 0, 0, 4, 1))[0], engine.name(), 0, 0, 0.25, 0);
        }
    }
}
