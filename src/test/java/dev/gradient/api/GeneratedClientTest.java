package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.client.ApiClient;
import dev.gradient.client.ApiException;
import dev.gradient.client.api.DerivativesApi;
import dev.gradient.client.api.GraphsApi;
import dev.gradient.client.model.CheckRequest;
import dev.gradient.client.model.CheckResponse;
import dev.gradient.client.model.EngineCheck;
import dev.gradient.client.model.GradientRequest;
import dev.gradient.client.model.GradientResponse;
import dev.gradient.client.model.GradientResult;
import dev.gradient.client.model.Graph;
import dev.gradient.client.model.GraphDescription;
import dev.gradient.client.model.GraphInput;
import dev.gradient.client.model.GraphNode;
import dev.gradient.client.model.HessianRequest;
import dev.gradient.client.model.HessianResponse;
import dev.gradient.client.model.JacobianRequest;
import dev.gradient.client.model.JacobianResponse;
import dev.gradient.client.model.JvpRequest;
import dev.gradient.client.model.JvpResponse;
import dev.gradient.client.model.Problem;
import dev.gradient.client.model.RegisterRequest;
import dev.gradient.client.model.VjpRequest;
import dev.gradient.client.model.VjpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client that the build generates from {@code api-spec/openapi.yaml}, and nothing
 * else, against the running service: if the spec stops describing what the service answers,
 * or stops being usable by a generator, these tests stop compiling or fail. The expected
 * numbers are worked by hand (Rosenbrock's derivatives at (-1.2, 1) are in the conformance
 * cases too).
 */
class GeneratedClientTest extends ApiTest {

    /** (1-x)^2 + 100(y-x^2)^2 as a graph: f = a^2 + 100 b^2 with a = 1-x and b = y - x^2. */
    private static final Graph ROSENBROCK = new Graph()
            .inputs(List.of(new GraphInput().name("x"), new GraphInput().name("y")))
            .nodes(List.of(new GraphNode().id("a").expr("1 - x"), new GraphNode().id("b").expr("y - x^2"),
                    new GraphNode().id("f").expr("a^2 + 100*b^2")))
            .outputs(List.of("f"));

    private static final Map<String, Object> START = Map.of("x", -1.2, "y", 1.0);

    private ApiClient client;
    private DerivativesApi derivatives;
    private GraphsApi graphs;

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        derivatives = new DerivativesApi(client);
        graphs = new GraphsApi(client);
    }

    private String rosenbrockId() throws ApiException {
        return graphs.register(new RegisterRequest().graph(ROSENBROCK)).getGraphId();
    }

    @Test
    void aRegisteredGraphDescribesItsInputsAndOutputs() throws ApiException {
        String id = rosenbrockId();
        GraphDescription description = graphs.get(id);
        assertThat(description.getGraphId()).isEqualTo(id);
        assertThat(description.getInputs()).extracting(i -> i.getName()).containsExactly("x", "y");
        assertThat(description.getOutputs()).extracting(o -> o.getName()).containsExactly("f");
    }

    @Test
    void gradientOfARegisteredGraph() throws ApiException {
        GradientResponse r = derivatives.gradient(new GradientRequest().graphId(rosenbrockId()).at(START));
        assertThat(number(r.getValue())).isCloseTo(24.2, within(1e-12));
        assertThat(number(r.getGradient().get("x"))).isCloseTo(-215.6, within(1e-12));
        assertThat(number(r.getGradient().get("y"))).isCloseTo(-88.0, within(1e-12));
    }

    @Test
    void hessianOfARegisteredGraph() throws ApiException {
        HessianResponse r = derivatives.hessian(new HessianRequest().graphId(rosenbrockId()).at(START));
        // d2f/dx2 = 2 - 400(y - x^2) + 800x^2 = 1330; d2f/dxdy = -400x = 480; d2f/dy2 = 200
        assertThat(number(r.getHessian().get("x").get("x"))).isCloseTo(1330, within(1e-9));
        assertThat(number(r.getHessian().get("x").get("y"))).isCloseTo(480, within(1e-9));
        assertThat(number(r.getHessian().get("y").get("x"))).isCloseTo(480, within(1e-9));
        assertThat(number(r.getHessian().get("y").get("y"))).isCloseTo(200, within(1e-9));
    }

    @Test
    void jacobianJvpAndVjpOfARegisteredGraph() throws ApiException {
        String id = rosenbrockId();
        JacobianResponse jacobian = derivatives.jacobian(new JacobianRequest().graphId(id).at(START).wrt(List.of("y")));
        assertThat(number(jacobian.getJacobian().get("f").get("y"))).isCloseTo(-88.0, within(1e-12));
        JvpResponse jvp = derivatives.jvp(new JvpRequest().graphId(id).at(START).tangent(Map.of("x", 1.0, "y", 2.0)));
        assertThat(number(jvp.getJvp().get("f"))).isCloseTo(-215.6 + 2 * -88.0, within(1e-12));
        VjpResponse vjp = derivatives.vjp(new VjpRequest().graphId(id).at(START).cotangent(Map.of("f", 2.0)));
        assertThat(number(vjp.getVjp().get("x"))).isCloseTo(-431.2, within(1e-12));
        assertThat(number(vjp.getVjp().get("y"))).isCloseTo(-176.0, within(1e-12));
    }

    @Test
    void gradientOfAnInlineExpression() throws ApiException {
        GradientResponse r = derivatives.gradient(new GradientRequest().expression("log(x1) + x1*x2 - sin(x2)")
                .at(Map.of("x1", 2.0, "x2", 5.0)));
        assertThat(number(r.getValue())).isCloseTo(Math.log(2) + 10 - Math.sin(5), within(1e-12));
        assertThat(number(r.getGradient().get("x1"))).isCloseTo(5.5, within(1e-12));
        assertThat(number(r.getGradient().get("x2"))).isCloseTo(2 - Math.cos(5), within(1e-12));
    }

    @Test
    void jacobianOfAVectorExpressionNestedAndAsAMatrix() throws ApiException {
        double r = 2;
        double t = 0.5;
        JacobianResponse j = derivatives.jacobian(new JacobianRequest().expression(List.of("r * cos(t)", "r * sin(t)"))
                .at(Map.of("r", r, "t", t)).format(JacobianRequest.FormatEnum.MATRIX));
        assertThat(numbers(j.getJacobian().get("f").get("r"))).containsExactly(new double[] {Math.cos(t), Math.sin(t)},
                within(1e-12));
        assertThat(j.getMatrix()).isInstanceOf(List.class);
        List<?> rows = (List<?>) j.getMatrix();
        assertThat(numbers(rows.get(0))).containsExactly(new double[] {Math.cos(t), -r * Math.sin(t)}, within(1e-12));
        assertThat(numbers(rows.get(1))).containsExactly(new double[] {Math.sin(t), r * Math.cos(t)}, within(1e-12));
        assertThat(j.getRowLabels()).containsExactly("f[0]", "f[1]");
        assertThat(j.getColumnLabels()).containsExactly("r", "t");
    }

    @Test
    void hessianJvpAndVjpOfInlineExpressions() throws ApiException {
        HessianResponse h = derivatives.hessian(new HessianRequest().expression("x*y").at(Map.of("x", 3.0, "y", 4.0)));
        assertThat(number(h.getHessian().get("x").get("y"))).isEqualTo(1.0);
        assertThat(number(h.getHessian().get("x").get("x"))).isEqualTo(0.0);
        JvpResponse jvp = derivatives.jvp(new JvpRequest().expression(List.of("r * cos(t)", "r * sin(t)"))
                .at(Map.of("r", 2.0, "t", 0.5)).tangent(Map.of("r", 1.0, "t", 0.0)));
        assertThat(numbers(jvp.getJvp().get("f"))).containsExactly(new double[] {Math.cos(0.5), Math.sin(0.5)},
                within(1e-12));
        VjpResponse vjp = derivatives.vjp(new VjpRequest().expression("sum(x * x)").at(Map.of("x", List.of(1, 2, 3)))
                .cotangent(Map.of("f", 2)));
        assertThat(numbers(vjp.getVjp().get("x"))).containsExactly(4.0, 8.0, 12.0);
    }

    @Test
    void aGradientCheckOfARegisteredGraph() throws ApiException {
        CheckResponse r = derivatives.check(new CheckRequest().graphId(rosenbrockId()).at(START).rtol(1e-6));
        assertThat(r.getPassed()).isTrue();
        assertThat(r.getReference()).isEqualTo("numeric");
        assertThat(r.getRtol()).isEqualTo(1e-6);
        assertThat(r.getEngines()).containsOnlyKeys("forward", "reverse");
        EngineCheck reverse = r.getEngines().get("reverse");
        assertThat(reverse.getInputs()).containsOnlyKeys("x", "y");
        assertThat(number(reverse.getInputs().get("x").getMaxRelDiff())).isLessThan(1e-9);
        assertThat(reverse.getMismatches()).isEmpty();
        CheckResponse failing = derivatives.check(new CheckRequest().expression("sqrt(x)").at(Map.of("x", 0)));
        assertThat(failing.getPassed()).isFalse();
        assertThat(failing.getEngines().get("forward").getMismatches().get(0).getDerivative()).isEqualTo("Infinity");
    }

    @Test
    void aBatchAnswersOneResultPerPoint() throws ApiException {
        GradientResponse r = derivatives.gradient(new GradientRequest().graphId(rosenbrockId())
                .points(List.of(START, Map.of("x", 1.0, "y", 1.0))));
        assertThat(r.getValue()).isNull();
        assertThat(r.getResults()).hasSize(2);
        GradientResult atMinimum = r.getResults().get(1);
        assertThat(number(atMinimum.getValue())).isEqualTo(0.0);
        assertThat(number(atMinimum.getGradient().get("x"))).isEqualTo(0.0);
        assertThat(number(r.getResults().get(0).getGradient().get("x"))).isCloseTo(-215.6, within(1e-12));
    }

    @Test
    void aNonFiniteResultArrivesAsItsString() throws ApiException {
        GradientResponse r = derivatives.gradient(new GradientRequest().expression("log(x)").at(Map.of("x", 0)));
        assertThat(r.getValue()).isEqualTo("-Infinity");
        assertThat(r.getGradient().get("x")).isEqualTo("Infinity");
    }

    @Test
    void a422IsAProblemTheClientReads() throws Exception {
        ApiException e = catchThrowableOfType(ApiException.class, () -> derivatives.gradient(
                new GradientRequest().expression("log(x) + y").at(Map.of("x", 1.0, "z", 2.0))));
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getCode()).isEqualTo("UNKNOWN_NAME");
        assertThat(problem.getErrors()).extracting(error -> error.getPointer()).containsExactly("/at/z");
    }

    @Test
    void aDeletedGraphIsA404() throws Exception {
        String id = graphs.register(new RegisterRequest().expression("x * exp(-y) + 17")).getGraphId();
        graphs.delete(id);
        ApiException e = catchThrowableOfType(ApiException.class, () -> graphs.get(id));
        assertThat(e.getCode()).isEqualTo(404);
        assertThat(client.getObjectMapper().readValue(e.getResponseBody(), Problem.class).getCode())
                .isEqualTo("UNKNOWN_GRAPH");
    }

    /** A Value that the client read as a plain JSON number. */
    private static double number(Object value) {
        assertThat(value).as("a number").isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    /** A Value that the client read as a list of numbers. */
    private static double[] numbers(Object value) {
        assertThat(value).as("a list").isInstanceOf(List.class);
        return ((List<?>) value).stream().mapToDouble(GeneratedClientTest::number).toArray();
    }
}
