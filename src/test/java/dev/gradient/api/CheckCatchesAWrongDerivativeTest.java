package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.op.MisdifferentiatedSin;
import dev.gradient.op.Op;
import dev.gradient.op.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /check} catches a wrong derivative rule. The service here runs with two test-only
 * ops added to its op set (never part of the real one): {@code bad_sin}, whose rules are
 * {@code 1.1 cos(x)} in both modes, and {@code bad_vjp_sin}, wrong in reverse mode only.
 */
class CheckCatchesAWrongDerivativeTest extends ApiTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class WrongOps {

        @Bean
        @Primary
        OpRegistry opsWithWrongDerivatives() {
            List<Op> ops = new ArrayList<>(OpRegistry.standard().all());
            ops.add(new MisdifferentiatedSin("bad_sin", 1.1, 1.1));
            ops.add(new MisdifferentiatedSin("bad_vjp_sin", 1.0, 1.1));
            return new OpRegistry(ops);
        }
    }

    @Test
    void aWrongDerivativeFailsTheCheckInEveryEngine() {
        JsonNode r = ok("/check", "{'expression': 'bad_sin(x) * y', 'at': {'x': 0.5, 'y': 2}}");
        assertThat(r.path("passed").asBoolean()).isFalse();
        for (String engine : List.of("forward", "reverse")) {
            JsonNode e = r.path("engines").path(engine);
            assertThat(e.path("passed").asBoolean()).as(engine).isFalse();
            assertThat(e.path("inputs").path("x").path("passed").asBoolean()).isFalse();
            assertThat(e.path("inputs").path("y").path("passed").asBoolean()).isTrue();
            assertThat(e.path("inputs").path("x").path("maxRelDiff").asDouble())
                    .isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
            JsonNode mismatch = e.path("mismatches").path(0);
            assertThat(mismatch.path("output").asString()).isEqualTo("f");
            assertThat(mismatch.path("input").asString()).isEqualTo("x");
            near(mismatch.path("derivative"), 1.1 * Math.cos(0.5) * 2);
        }
    }

    @Test
    void aWrongReverseRuleFailsOnlyTheReverseEngine() {
        JsonNode r = ok("/check", "{'graph': {'nodes': [{'id': 's', 'op': 'bad_vjp_sin', 'args': ['x']}], 'outputs': ['s']},"
                + " 'at': {'x': [0.1, 1.0, 2.5]}}");
        assertThat(r.path("passed").asBoolean()).isFalse();
        assertThat(r.path("engines").path("forward").path("passed").asBoolean()).isTrue();
        assertThat(r.path("engines").path("reverse").path("passed").asBoolean()).isFalse();
        assertThat(r.path("engines").path("reverse").path("mismatchCount").asLong()).isEqualTo(3);
    }

    @Test
    void theSameFunctionWithTheRealSinPasses() {
        assertThat(ok("/check", "{'expression': 'sin(x) * y', 'at': {'x': 0.5, 'y': 2}}").path("passed").asBoolean()).isTrue();
    }
}
