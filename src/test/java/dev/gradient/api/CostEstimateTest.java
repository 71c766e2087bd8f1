package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The request's estimated cost counts the numeric engine's four evaluations per direction at
 * every endpoint, so that it is admitted as honestly as the AD engines. The cost limit here
 * lets one evaluation compile but refuses every derivative, and the refusal states the
 * estimate: a graph's cost {@code c} times the sweeps, {@code 3 + n} for a forward gradient by
 * {@code n} elements and {@code 3 + 4 n} for a numeric one. {@code /check} is charged for all
 * three engines, and its batches are bounded as every endpoint's.
 */
@TestPropertySource(properties = {"gradient.limits.max-cost=200", "gradient.limits.max-points=2"})
class CostEstimateTest extends ApiTest {

    private static final Pattern ESTIMATE = Pattern.compile("estimated cost is (\\d+) element operations");

    /** sum(sin(x) * x) by ten elements: one evaluation costs less than 200 element operations. */
    private static final String FUNCTION = "'expression': 'sum(sin(x) * x)', 'at': {'x': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}";
    private static final long N = 10;

    private long estimate(String path, String fields, String engine) {
        return estimate(path, "{" + FUNCTION + fields + ", 'engine': '" + engine + "'}");
    }

    /** The estimated cost that the refusal of {@code request} (single-quoted) states. */
    private long estimate(String path, String request) {
        JsonNode p = problem(path, request, 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-cost");
        Matcher m = ESTIMATE.matcher(p.path("detail").asString());
        assertThat(m.find()).as(p.path("detail").asString()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Asserts that the estimates are in the ratio of the sweeps: {@code numeric / forward = numericSweeps / forwardSweeps}. */
    private static void inRatio(long forward, long numeric, long forwardSweeps, long numericSweeps) {
        assertThat(numeric * forwardSweeps).as("numeric %s vs forward %s", numeric, forward).isEqualTo(forward * numericSweeps);
    }

    @Test
    void oneEvaluationIsWithinTheLimit() {
        ok("/evaluate", "{" + FUNCTION + "}");
    }

    @Test
    void gradientCountsFourEvaluationsPerInputElement() {
        inRatio(estimate("/gradient", "", "forward"), estimate("/gradient", "", "numeric"), 3 + N, 3 + 4 * N);
    }

    @Test
    void jacobianCountsFourEvaluationsPerInputElement() {
        inRatio(estimate("/jacobian", "", "forward"), estimate("/jacobian", "", "numeric"), 3 + N, 3 + 4 * N);
    }

    @Test
    void hessianCountsTheGradientAndTheGradientProgramsDifferences() {
        inRatio(estimate("/hessian", "", "forward"), estimate("/hessian", "", "numeric"),
                3 + N + 4 * (N + 3), 3 + 4 * N + 4 * (4 * N + 3));
    }

    @Test
    void jvpCountsFourEvaluationsForItsOneDirection() {
        String tangent = ", 'tangent': {'x': [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}";
        inRatio(estimate("/jvp", tangent, "forward"), estimate("/jvp", tangent, "numeric"), 3 + 1, 3 + 4);
    }

    @Test
    void vjpCountsFourEvaluationsPerInputElement() {
        String cotangent = ", 'cotangent': {'f': 1}";
        inRatio(estimate("/vjp", cotangent, "forward"), estimate("/vjp", cotangent, "numeric"), 3 + N, 3 + 4 * N);
    }

    @Test
    void checkCountsEveryEngineItRuns() {
        // forward 3 + n, reverse 3 + 1 (one output element), numeric 3 + 4 n; against a forward gradient's 3 + n
        inRatio(estimate("/gradient", "", "forward"), estimate("/check", "{" + FUNCTION + "}"), 3 + N,
                (3 + N) + (3 + 1) + (3 + 4 * N));
    }

    @Test
    void checkBatchesAreBoundedByMaxPoints() {
        JsonNode p = problem("/check", "{'expression': 'x', 'points': [{'x': 1}, {'x': 2}, {'x': 3}]}", 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-points");
    }
}
