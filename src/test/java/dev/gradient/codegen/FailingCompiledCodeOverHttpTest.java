package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.api.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Compiled code that fails is no 5xx: the request is answered by the interpreter, with its values. */
class FailingCompiledCodeOverHttpTest extends ApiTest {

    @Test
    void aGradientWhoseCompiledCodeThrowsIsAnsweredInterpreted() {
        Compilation failing = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        failing.inject(Fault.THROWS);
        Compilation previous = Compilation.install(failing);
        try {
            // an expression of its own, so that no function cached by another test answers it
            JsonNode r = ok("/gradient", "{'expression': 'sum(x * x + sin(x)) + 0.125', 'at': {'x': [1, 2]},"
                    + " 'engine': 'reverse'}");
            assertThat(r.path("value").asDouble()).isCloseTo(5.125 + Math.sin(1) + Math.sin(2), within(1e-12));
            assertThat(r.path("gradient").path("x").path(0).asDouble()).isCloseTo(2 + Math.cos(1), within(1e-12));
            assertThat(r.path("gradient").path("x").path(1).asDouble()).isCloseTo(4 + Math.cos(2), within(1e-12));
            assertThat(failing.compilations()).as("programs compiled").isPositive();
            assertThat(failing.failures()).as("compiled programs dropped").isEqualTo(failing.compilations());
        } finally {
            Compilation.install(previous);
        }
    }
}
