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
 * estimate: for a graph costing {@code c}, the primal sweep {@code c}, plus {@code (n + 1) c}
 * for forward mode's {@code n} directions (one block of local derivatives, one application per
 * direction), or {@code 4 n c} for the numeric engine's. {@code /check} is charged for all
 * three engines (LimitsTest shows the sum), and its batches are bounded as every endpoint's.
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

    /** Asserts that the estimates are in the ratio of the evaluations: {@code numeric / forward = numericCs / forwardCs}. */
    private static void inRatio(long forward, long numeric, long forwardCs, long numericCs) {
        assertThat(numeric * forwardCs).as("numeric %s vs forward %s", numeric, forward).isEqualTo(forward * numericCs);
    }

    /** One evaluation's cost {@code c}, from a forward gradient's estimate of {@code (n + 2) c}. */
    private long evaluationCost() {
        long forward = estimate("/gradient", "", "forward");
        assertThat(forward % (N + 2)).isZero();
        return forward / (N + 2);
    }

    @Test
    void oneEvaluationIsWithinTheLimit() {
        ok("/evaluate", "{" + FUNCTION + "}");
    }

    @Test
    void gradientCountsFourEvaluationsPerInputElement() {
        inRatio(estimate("/gradient", "", "forward"), estimate("/gradient", "", "numeric"), N + 2, 1 + 4 * N);
    }

    @Test
    void jacobianCountsFourEvaluationsPerInputElement() {
        inRatio(estimate("/jacobian", "", "forward"), estimate("/jacobian", "", "numeric"), N + 2, 1 + 4 * N);
    }

    @Test
    void hessianIsRefusedByEveryEngineBeforeAnyWork() {
        // its gradient program alone passes this limit, so the refusal is the program's, before any estimate runs
        for (String engine : new String[] {"forward", "reverse", "numeric"}) {
            JsonNode p = problem("/hessian", "{" + FUNCTION + ", 'engine': '" + engine + "'}", 413, "LIMIT_EXCEEDED");
            assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-cost");
        }
    }

    @Test
    void jvpCountsFourEvaluationsForItsOneDirection() {
        String tangent = ", 'tangent': {'x': [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}";
        assertThat(estimate("/jvp", tangent, "numeric")).isEqualTo(5 * evaluationCost());
    }

    @Test
    void vjpCountsFourEvaluationsPerInputElement() {
        // neither engine is reverse mode: both go through the Jacobian, then its product with the cotangent (n numbers)
        String cotangent = ", 'cotangent': {'f': 1}";
        long c = evaluationCost();
        assertThat(estimate("/vjp", cotangent, "forward")).isEqualTo((N + 2) * c + N);
        assertThat(estimate("/vjp", cotangent, "numeric")).isEqualTo((1 + 4 * N) * c + N);
    }

    @Test
    void checkIsRefusedWhereOneOfItsEnginesWouldBe() {
        // its reverse Jacobian's adjoint graph passes this limit: refused before any engine runs
        JsonNode p = problem("/check", "{" + FUNCTION + "}", 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-cost");
    }

    @Test
    void checkBatchesAreBoundedByMaxPoints() {
        JsonNode p = problem("/check", "{'expression': 'x', 'points': [{'x': 1}, {'x': 2}, {'x': 3}]}", 413, "LIMIT_EXCEEDED");
        assertThat(p.path("limit").asString()).isEqualTo("gradient.limits.max-points");
    }
}
