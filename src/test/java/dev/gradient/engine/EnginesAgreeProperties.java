package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Forward and reverse mode give the same derivatives, to rounding, on random graphs. */
class EnginesAgreeProperties {

    private static final int[] ALL_INPUTS = {0, 1, 2};

    private final Derivatives derivatives = new Derivatives();
    private final Engine forward = new ForwardEngine();
    private final Engine reverse = new ReverseEngine();

    @Property(tries = 60)
    void reverseAndForwardAgreeOnRandomJacobians(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int size) {
        Compiled f = RandomGraphs.graph(seed, size, false);
        Tensor[] point = RandomGraphs.point(seed);
        Tensor[][] jf = derivatives.jacobian(forward, f, point, ALL_INPUTS);
        Tensor[][] jr = derivatives.jacobian(reverse, f, point, ALL_INPUTS);
        for (int j = 0; j < ALL_INPUTS.length; j++) {
            assertClose(jf[0][j], jr[0][j], 1e-12);
        }
    }

    @Property(tries = 60)
    void reverseAndForwardAgreeOnRandomGradients(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int size) {
        Compiled f = RandomGraphs.graph(seed, size, true);
        Tensor[] point = RandomGraphs.point(seed);
        Derivatives.Gradient gf = derivatives.gradient(forward, f, point, ALL_INPUTS, 0);
        Derivatives.Gradient gr = derivatives.gradient(reverse, f, point, ALL_INPUTS, 0);
        assertThat(gf.value()).isEqualTo(gr.value());
        for (int j = 0; j < ALL_INPUTS.length; j++) {
            assertClose(gf.gradient()[j], gr.gradient()[j], 1e-12);
        }
    }

    @Property(tries = 40)
    void forwardOverReverseAndReverseOverReverseGiveTheSameSymmetricHessian(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int size) {
        Compiled f = RandomGraphs.graph(seed, size, true);
        Tensor[] point = RandomGraphs.point(seed);
        Derivatives.Hessian hf = derivatives.hessian(forward, f, point, ALL_INPUTS, 0);
        Derivatives.Hessian hr = derivatives.hessian(reverse, f, point, ALL_INPUTS, 0);
        for (int i = 0; i < ALL_INPUTS.length; i++) {
            for (int j = 0; j < ALL_INPUTS.length; j++) {
                assertClose(hf.hessian()[i][j], hr.hessian()[i][j], 1e-10);
                Tensor h = hf.hessian()[i][j];
                Tensor transposed = hf.hessian()[j][i];
                int rows = Math.toIntExact(RandomGraphs.INPUT_SHAPES[i].size());
                int cols = Math.toIntExact(RandomGraphs.INPUT_SHAPES[j].size());
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        assertThat(h.get(r * cols + c)).isCloseTo(transposed.get(c * rows + r),
                                org.assertj.core.api.Assertions.within(1e-10 * (1 + Math.abs(h.get(r * cols + c)))));
                    }
                }
            }
        }
    }

    private static void assertClose(Tensor a, Tensor b, double relative) {
        assertThat(a.shape()).isEqualTo(b.shape());
        for (int i = 0; i < a.size(); i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(a.get(i)), Math.abs(b.get(i))));
            assertThat(Math.abs(a.get(i) - b.get(i))).as("element %d: %s vs %s", i, a.get(i), b.get(i))
                    .isLessThanOrEqualTo(relative * scale);
        }
    }
}
