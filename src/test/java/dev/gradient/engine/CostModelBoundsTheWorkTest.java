package dev.gradient.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.program.ElementOperations;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The cost model's estimate ({@link CostModel#estimate}), which admits every request, bounds
 * the element operations that each product really runs ({@link ElementOperations}), in every
 * engine, on the functions of every conformance case: an estimate below the work would let a
 * request past {@code gradient.limits.max-cost} that does more than the limit allows.
 */
class CostModelBoundsTheWorkTest {

    private static final List<Engine> ENGINES = List.of(new ForwardEngine(), new ReverseEngine(), new NumericEngine());

    private final Derivatives derivatives = new Derivatives();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CaseFunction.conformanceCases()) {
            for (Engine engine : ENGINES) {
                out.add(Arguments.of(c.path("id").asString() + " by " + engine.name(), engine, c.path("request")));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEstimateOfEveryProductBoundsItsWork(String label, Engine engine, JsonNode request) {
        CaseFunction c = CaseFunction.of(request);
        Compiled f = c.f();
        Tensor[] point = c.point();
        int[] wrt = c.wrt();
        within(label, Product.EVALUATE, engine, c, () -> derivatives.evaluate(f, point));
        within(label, Product.JACOBIAN, engine, c, () -> derivatives.jacobian(engine, f, point, wrt));
        within(label, Product.JVP, engine, c, () -> derivatives.jvp(engine, f, point, wrt, ones(f, wrt)));
        within(label, Product.VJP, engine, c, () -> derivatives.vjp(engine, f, point, wrt, outputOnes(f)));
        if (CostModel.outputElements(f) == 1 && f.graph().outputs().size() == 1) {
            within(label, Product.GRADIENT, engine, c, () -> derivatives.gradient(engine, f, point, wrt, 0));
            within(label, Product.HESSIAN, engine, c, () -> derivatives.hessian(engine, f, point, wrt, 0));
        }
    }

    private static void within(String label, Product product, Engine engine, CaseFunction c, Supplier<Object> work) {
        long measured = ElementOperations.count(work).operations();
        long estimate = CostModel.estimate(product, engine, c.f(), c.wrt()).elementOperations();
        assertThat(measured).as("%s, %s: measured element operations against the estimate %d", label, product, estimate)
                .isPositive().isLessThanOrEqualTo(estimate);
    }

    private static Tensor[] ones(Compiled f, int[] wrt) {
        Tensor[] tangent = new Tensor[wrt.length];
        for (int j = 0; j < wrt.length; j++) {
            tangent[j] = Tensor.filled(f.graph().shape(f.graph().inputs().get(wrt[j])), 1.0);
        }
        return tangent;
    }

    private static Tensor[] outputOnes(Compiled f) {
        Tensor[] cotangent = new Tensor[f.graph().outputs().size()];
        for (int k = 0; k < cotangent.length; k++) {
            cotangent[k] = Tensor.filled(f.graph().shape(f.graph().outputs().get(k)), 1.0);
        }
        return cotangent;
    }
}
