package dev.gradient.engine;

import dev.gradient.codegen.CompiledPaths;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The compiled path (every program compiled at its first run, the adjoint and Hessian programs
 * too) computes the interpreter's bits: values, reverse-mode Jacobians, forward-mode JVPs and
 * Hessians both ways, on every conformance case and on seeded random graphs ({@link
 * RandomGraphs}).
 */
class CompiledPathAgreesBitForBitTest {

    private static final int TRIES = 60;
    private static final int MAX_SIZE = 25;
    private static final int MAX_HESSIAN_SIZE = 12;
    private static final Engine FORWARD = new ForwardEngine();
    private static final Engine REVERSE = new ReverseEngine();

    private final Derivatives derivatives = new Derivatives();

    static Stream<Arguments> conformanceCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CaseFunction.conformanceCases()) {
            out.add(Arguments.of(c.path("id").asString(), c.path("request")));
        }
        return out.stream();
    }

    static Stream<Long> seeds() {
        return Seeds.first(TRIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceCases")
    void conformanceCasesComputeTheSameBitsCompiled(String id, JsonNode request) {
        CompiledPaths.agree(id, () -> {
            CaseFunction c = CaseFunction.of(request);
            List<Tensor> out = new ArrayList<>(Arrays.asList(derivatives.evaluate(c.f(), c.point())));
            for (Tensor[] row : derivatives.jacobian(REVERSE, c.f(), c.point(), c.wrt())) {
                out.addAll(Arrays.asList(row));
            }
            if (c.tangent() != null) {
                out.addAll(Arrays.asList(derivatives.jvp(FORWARD, c.f(), c.point(), c.wrt(), c.tangent())));
            }
            if (c.f().graph().shape(c.f().graph().outputs().get(0)).size() == 1) {
                out.addAll(hessian(FORWARD, c.f(), c.point(), c.wrt()));
                out.addAll(hessian(REVERSE, c.f(), c.point(), c.wrt()));
            }
            return out;
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomGraphsComputeTheSameBitsCompiled(long seed) {
        Tensor[] point = RandomGraphs.point(seed);
        int[] all = {0, 1, 2};
        CompiledPaths.agree("seed " + seed + " (jacobian)", () -> {
            Compiled f = RandomGraphs.graph(seed, Seeds.sizeOf(seed, MAX_SIZE), false).function();
            List<Tensor> out = new ArrayList<>(Arrays.asList(derivatives.evaluate(f, point)));
            for (Tensor[] row : derivatives.jacobian(REVERSE, f, point, all)) {
                out.addAll(Arrays.asList(row));
            }
            return out;
        });
        CompiledPaths.agree("seed " + seed + " (hessian)", () -> {
            Compiled f = RandomGraphs.graph(seed, Seeds.sizeOf(seed, MAX_HESSIAN_SIZE), true).function();
            List<Tensor> out = new ArrayList<>(hessian(FORWARD, f, point, all));
            out.addAll(hessian(REVERSE, f, point, all));
            return out;
        });
    }

    private List<Tensor> hessian(Engine engine, Compiled f, Tensor[] point, int[] wrt) {
        Derivatives.Hessian h = derivatives.hessian(engine, f, point, wrt, 0);
        List<Tensor> out = new ArrayList<>();
        out.add(h.value());
        out.addAll(Arrays.asList(h.gradient()));
        for (Tensor[] row : h.hessian()) {
            out.addAll(Arrays.asList(row));
        }
        return out;
    }
}
