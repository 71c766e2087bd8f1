package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /trace} on the survey's example, f(x1, x2) = ln(x1) + x1 x2 - sin(x2) at (2, 5)
 * (Baydin et al., tables 2 and 3), against the survey's printed digits and, exactly, against the
 * doubles that /jvp (forward engine) and /gradient (reverse engine) give.
 */
class TraceEndpointTest extends ApiTest {

    private static final String SURVEY = "'expression': 'log(x1) + x1*x2 - sin(x2)', 'at': {'x1': 2, 'x2': 5}";

    private static double printed(JsonNode number, int digits) {
        return new BigDecimal(number.asDouble()).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<String> texts(JsonNode rows) {
        List<String> texts = new ArrayList<>();
        rows.forEach(row -> texts.add(row.path("text").asString()));
        return texts;
    }

    @Test
    void primalTraceHasTheSurveysRowsAndValues() {
        JsonNode trace = ok("/trace", "{" + SURVEY + "}");
        JsonNode primal = trace.path("primal");
        // the expression's evaluation order: the survey computes sin(v0) third, this graph fifth
        assertThat(texts(primal)).containsExactly("v-1 = x1", "v0 = x2", "v1 = log(v-1)", "v2 = v-1 * v0",
                "v3 = v1 + v2", "v4 = sin(v0)", "v5 = v3 - v4");
        assertThat(printed(primal.path(2).path("value"), 3)).isEqualTo(0.693);
        assertThat(printed(primal.path(3).path("value"), 3)).isEqualTo(10.0);
        assertThat(printed(primal.path(5).path("value"), 3)).isEqualTo(-0.959);
        assertThat(printed(primal.path(6).path("value"), 3)).isEqualTo(11.652);
        assertThat(primal.path(6).path("args").toString()).isEqualTo("[\"v3\",\"v4\"]");
    }

    @Test
    void tangentAndAdjointsAreTheSurveysAndTheEnginesOwnDoubles() {
        JsonNode trace = ok("/trace", "{" + SURVEY + "}");
        JsonNode jvp = ok("/jvp", "{" + SURVEY + ", 'tangent': {'x1': 1, 'x2': 0}, 'engine': 'forward'}").path("jvp").path("f");
        JsonNode gradient = ok("/gradient", "{" + SURVEY + ", 'engine': 'reverse'}").path("gradient");
        assertThat(printed(trace.path("jvp"), 3)).isEqualTo(5.5);
        assertThat(trace.path("jvp").asDouble()).isEqualTo(jvp.asDouble());
        assertThat(trace.path("tangent").path("rows").path(6).path("value").asDouble()).isEqualTo(jvp.asDouble());
        assertThat(printed(trace.path("gradient").path("x1"), 3)).isEqualTo(5.5);
        assertThat(printed(trace.path("gradient").path("x2"), 3)).isEqualTo(1.716);
        assertThat(trace.path("gradient").path("x1").asDouble()).isEqualTo(gradient.path("x1").asDouble());
        assertThat(trace.path("gradient").path("x2").asDouble()).isEqualTo(gradient.path("x2").asDouble());
    }

    @Test
    void adjointRowsRunInReverseWithTheirContributions() {
        JsonNode rows = ok("/trace", "{" + SURVEY + "}").path("adjoint").path("rows");
        assertThat(rows.path(0).path("of").asString()).isEqualTo("v5");
        assertThat(rows.path(0).path("text").asString()).isEqualTo("v\u03045 = seed");
        JsonNode x1 = rows.path(6);
        assertThat(x1.path("of").asString()).isEqualTo("v-1");
        assertThat(x1.path("text").asString()).isEqualTo("v\u0304-1 = v\u03042 \u2202v2/\u2202v-1 + v\u03041 \u2202v1/\u2202v-1");
        // v̄-1 = v̄2 v0 + v̄1 / v-1 = 5 + 0.5
        assertThat(x1.path("contributions").path(0).path("value").asDouble()).isEqualTo(5.0);
        assertThat(x1.path("contributions").path(1).path("value").asDouble()).isEqualTo(0.5);
        assertThat(x1.path("value").asDouble()).isEqualTo(5.5);
    }

    @Test
    void tensorValuesAreAbbreviatedPastMaxElements() {
        JsonNode trace = ok("/trace", "{'expression': 'sum(x * x)', 'at': {'x': [1, 2, 3, 4, 5]}, 'maxElements': 2}");
        JsonNode square = trace.path("primal").path(1);
        assertThat(square.path("shape").toString()).isEqualTo("[5]");
        assertThat(square.path("value").toString()).isEqualTo("[1.0,4.0]");
        assertThat(square.path("abbreviated").asBoolean()).isTrue();
        assertThat(trace.path("gradient").path("x").path(4).asDouble()).isEqualTo(10.0);
        assertThat(trace.path("primal").path(2).has("abbreviated")).isFalse();
    }

    @Test
    void aTangentByNameDrivesTheTangentTrace() {
        JsonNode trace = ok("/trace", "{" + SURVEY + ", 'tangent': {'x2': 1}}");
        JsonNode jvp = ok("/jvp", "{" + SURVEY + ", 'tangent': {'x1': 0, 'x2': 1}, 'engine': 'forward'}").path("jvp").path("f");
        assertThat(trace.path("jvp").asDouble()).isEqualTo(jvp.asDouble());
        assertThat(trace.path("tangent").path("direction").path("x1").asDouble()).isEqualTo(0.0);
    }

    @Test
    void whereTracesTheBranchTakenOnly() {
        JsonNode trace = ok("/trace", "{'expression': 'where(x > 0, sqrt(x), -x)', 'at': {'x': -4}}");
        assertThat(trace.path("gradient").path("x").asDouble()).isEqualTo(-1.0);
    }

    @Test
    void aFunctionPastTheNodeLimitIsRefusedBeforeItRuns() {
        StringBuilder nodes = new StringBuilder("{'id': 'n0', 'op': 'sin', 'args': ['x']}");
        for (int i = 1; i <= 2100; i++) {
            nodes.append(", {'id': 'n").append(i).append("', 'op': 'sin', 'args': ['n").append(i - 1).append("']}");
        }
        JsonNode problem = problem("/trace", "{'graph': {'nodes': [" + nodes + "], 'outputs': ['n2100']}, 'at': {'x': 1}}",
                413, "LIMIT_EXCEEDED");
        assertThat(problem.path("detail").asString()).contains("limit is 2000");
        assertThat(problem.toString()).contains("gradient.trace.max-nodes");
    }

    @Test
    void badFieldsArePointedAt() {
        assertThat(pointer(problem("/trace", "{" + SURVEY + ", 'tangent': {'y': 1}}", 422, "UNKNOWN_NAME")))
                .isEqualTo("/tangent/y");
        assertThat(pointer(problem("/trace", "{" + SURVEY + ", 'tangent': {'x1': [1, 2]}}", 422, "SHAPE_MISMATCH")))
                .isEqualTo("/tangent/x1");
        assertThat(pointer(problem("/trace", "{" + SURVEY + ", 'maxElements': 0}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/maxElements");
        assertThat(pointer(problem("/trace", "{'expression': 'x', 'points': [{'x': 1}]}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/points");
        problem("/trace", "{'expression': ['x', 'y'], 'at': {'x': 1, 'y': 2}}", 422, "NOT_SCALAR");
    }
}
