package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Over HTTP, {@code /jvp} and {@code /vjp} give the same numbers in every engine where a
 * partial is infinite (sqrt at 0) or NaN (sqrt at -1) but the tangent or cotangent that meets
 * it is zero: the product through the Jacobian keeps the chain rule's exact zeros.
 */
class CrossModeProductsHttpTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void jvpIgnoresAnInfiniteOrNaNPartialWhoseTangentIsZero(String engine) {
        for (String x : new String[] {"0", "-1"}) {
            JsonNode r = ok("/jvp", "{'expression': 'sqrt(x) + y', 'at': {'x': " + x + ", 'y': 0},"
                    + " 'tangent': {'x': 0, 'y': 1}, 'engine': '" + engine + "'}");
            assertThat(r.path("engine").asString()).isEqualTo(engine);
            assertThat(r.path("jvp").path("f").isNumber()).as("x = %s: %s", x, r).isTrue();
            assertThat(r.path("jvp").path("f").asDouble()).as("x = %s", x).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void vjpIgnoresAnInfiniteOrNaNPartialWhoseCotangentIsZero(String engine) {
        for (String x : new String[] {"0", "-1"}) {
            JsonNode r = ok("/vjp", "{'expression': ['sqrt(x)', '2*y'], 'at': {'x': " + x + ", 'y': 3},"
                    + " 'cotangent': {'f': [0, 1]}, 'engine': '" + engine + "'}");
            assertThat(r.path("engine").asString()).isEqualTo(engine);
            assertThat(r.path("vjp").path("x").isNumber()).as("x = %s: %s", x, r).isTrue();
            assertThat(r.path("vjp").path("x").asDouble()).as("x = %s", x).isEqualTo(0.0);
            assertThat(r.path("vjp").path("y").asDouble()).as("x = %s", x).isEqualTo(2.0);
        }
    }
}
