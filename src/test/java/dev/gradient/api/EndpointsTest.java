package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint's happy path, with numbers checked against values worked out by hand.
 *
 * <p>Most tests use f(W, v, c) = c * (W v) with W = [[1,2,3],[4,5,6]], v = [0.5,-1,2] and
 * c = 1.5, so that W v = [4.5, 9] and f = [6.75, 13.5]; its derivatives are
 * df_i/dW_jk = c [i=j] v_k, df_i/dv_k = c W_ik and df_i/dc = (W v)_i.
 */
class EndpointsTest extends ApiTest {

    static final String LINEAR = "'graph': {'inputs': [{'name': 'W', 'shape': [2, 3]}, {'name': 'v', 'shape': [3]},"
            + " {'name': 'c'}], 'nodes': [{'id': 'p', 'op': 'mul', 'args': ['W', 'v']},"
            + " {'id': 'q', 'op': 'sum', 'args': ['p'], 'attrs': {'axis': 1}},"
            + " {'id': 'f', 'op': 'mul', 'args': ['q', 'c']}], 'outputs': ['f']}";
    static final String LINEAR_AT = "'at': {'W': [[1, 2, 3], [4, 5, 6]], 'v': [0.5, -1, 2], 'c': 1.5}";
    static final double[][] W = {{1, 2, 3}, {4, 5, 6}};
    static final double[] V = {0.5, -1, 2};
    static final double C = 1.5;
    static final double[] WV = {4.5, 9};

    static final String BAYDIN = "'expression': 'log(x1) + x1*x2 - sin(x2)', 'at': {'x1': 2, 'x2': 5}";

    @Test
    void evaluateGivesEveryOutputByName() {
        JsonNode r = ok("/evaluate", "{'expression': 'x * sin(y)', 'at': {'x': 2, 'y': 0.5}}");
        near(r.path("outputs").path("f"), 2 * Math.sin(0.5));
        assertThat(r.path("graphId").asString()).isNotBlank();
    }

    @Test
    void evaluateWritesTensorsAsNestedArrays() {
        JsonNode f = ok("/evaluate", "{" + LINEAR + ", " + LINEAR_AT + "}").path("outputs").path("f");
        assertThat(f.isArray()).isTrue();
        near(f.path(0), C * WV[0]);
        near(f.path(1), C * WV[1]);
    }

    @Test
    void domainErrorsAreNonFiniteResultsNotErrors() {
        JsonNode r = ok("/evaluate", "{'graph': {'nodes': [{'id': 'l', 'expr': 'log(x)'}, {'id': 'd', 'expr': '1 / y'},"
                + " {'id': 'n', 'expr': '-1 / y'}], 'outputs': ['l', 'd', 'n']}, 'at': {'x': -1, 'y': 0}}");
        assertThat(r.path("outputs").path("l").asString()).isEqualTo("NaN");
        assertThat(r.path("outputs").path("d").asString()).isEqualTo("Infinity");
        assertThat(r.path("outputs").path("n").asString()).isEqualTo("-Infinity");
    }

    @Test
    void nonFiniteInputsAreAcceptedAsStrings() {
        JsonNode r = ok("/evaluate", "{'expression': 'exp(x) + y', 'at': {'x': '-Infinity', 'y': [1, 'NaN']}}");
        near(r.path("outputs").path("f").path(0), 1.0);
        assertThat(r.path("outputs").path("f").path(1).asString()).isEqualTo("NaN");
    }

    @Test
    void evaluateReportsAnEngineAndAcceptsOne() {
        assertThat(ok("/evaluate", "{'expression': 'x', 'at': {'x': 1}}").path("engine").asString()).isEqualTo("forward");
        assertThat(ok("/evaluate", "{'expression': 'x', 'at': {'x': 1}, 'engine': 'reverse'}").path("engine").asString())
                .isEqualTo("reverse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void gradientMatchesTheAnalyticFormInEveryEngine(String engine) {
        JsonNode r = ok("/gradient", "{" + BAYDIN + ", 'engine': '" + engine + "'}");
        assertThat(r.path("engine").asString()).isEqualTo(engine);
        near(r.path("value"), Math.log(2) + 10 - Math.sin(5));
        near(r.path("gradient").path("x1"), 1 / 2.0 + 5);
        near(r.path("gradient").path("x2"), 2 - Math.cos(5));
    }

    @Test
    void gradientAutoPicksReverseModeForAScalarOutput() {
        assertThat(ok("/gradient", "{" + BAYDIN + "}").path("engine").asString()).isEqualTo("reverse");
        assertThat(ok("/gradient", "{" + BAYDIN + ", 'engine': 'auto'}").path("engine").asString()).isEqualTo("reverse");
    }

    @Test
    void gradientOfATensorInputHasItsShape() {
        JsonNode g = ok("/gradient", "{'expression': 'sum(x * x)', 'at': {'x': [[1, 2], [3, 4]]}}").path("gradient").path("x");
        assertThat(g.size()).isEqualTo(2);
        near(g.path(0).path(0), 2);
        near(g.path(0).path(1), 4);
        near(g.path(1).path(0), 6);
        near(g.path(1).path(1), 8);
    }

    @Test
    void gradientFollowsWrtAndItsOrder() {
        JsonNode r = ok("/gradient", "{" + BAYDIN + ", 'wrt': ['x2']}");
        assertThat(r.path("gradient").propertyNames()).containsExactly("x2");
        JsonNode both = ok("/gradient", "{" + BAYDIN + ", 'wrt': ['x2', 'x1']}");
        assertThat(both.path("gradient").propertyNames()).containsExactly("x2", "x1");
    }

    @Test
    void gradientDifferentiatesTheNamedOutput() {
        JsonNode r = ok("/gradient", "{'graph': {'nodes': [{'id': 'a', 'expr': 'x * y'}, {'id': 'b', 'expr': 'x + y'}],"
                + " 'outputs': ['a', 'b']}, 'at': {'x': 3, 'y': 4}, 'output': 'b'}");
        near(r.path("value"), 7);
        near(r.path("gradient").path("x"), 1);
        near(r.path("gradient").path("y"), 1);
    }

    @Test
    void whereIsNanSafeOverHttp() {
        JsonNode r = ok("/gradient", "{'expression': 'where(x > 0, log(x), -x)', 'at': {'x': -4}}");
        near(r.path("value"), 4);
        near(r.path("gradient").path("x"), -1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void jacobianNestedHasOutputThenInputAxes(String engine) {
        JsonNode r = ok("/jacobian", "{" + LINEAR + ", " + LINEAR_AT + ", 'engine': '" + engine + "'}");
        assertThat(r.path("engine").asString()).isEqualTo(engine);
        near(r.path("outputs").path("f").path(1), C * WV[1]);
        JsonNode j = r.path("jacobian").path("f");
        assertThat(j.propertyNames()).containsExactly("W", "v", "c");
        for (int i = 0; i < 2; i++) {
            near(j.path("c").path(i), WV[i]);
            for (int k = 0; k < 3; k++) {
                near(j.path("v").path(i).path(k), C * W[i][k]);
                for (int row = 0; row < 2; row++) {
                    near(j.path("W").path(i).path(row).path(k), i == row ? C * V[k] : 0);
                }
            }
        }
        assertThat(r.has("matrix")).isFalse();
    }

    @Test
    void jacobianMatrixFlattensRowsAndColumnsWithLabels() {
        JsonNode r = ok("/jacobian", "{" + LINEAR + ", " + LINEAR_AT + ", 'format': 'matrix'}");
        assertThat(r.path("rowLabels").toString()).isEqualTo("[\"f[0]\",\"f[1]\"]");
        assertThat(r.path("columnLabels").toString()).isEqualTo(
                "[\"W[0,0]\",\"W[0,1]\",\"W[0,2]\",\"W[1,0]\",\"W[1,1]\",\"W[1,2]\",\"v[0]\",\"v[1]\",\"v[2]\",\"c\"]");
        JsonNode m = r.path("matrix");
        assertThat(m.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(m.path(i).size()).isEqualTo(10);
            for (int col = 0; col < 6; col++) {
                near(m.path(i).path(col), col / 3 == i ? C * V[col % 3] : 0);
            }
            for (int k = 0; k < 3; k++) {
                near(m.path(i).path(6 + k), C * W[i][k]);
            }
            near(m.path(i).path(9), WV[i]);
        }
        assertThat(r.path("jacobian").path("f").has("W")).isTrue();
    }

    @Test
    void jacobianAutoPicksForwardModeWhenThereAreFewerInputElementsThanOutputElements() {
        assertThat(ok("/jacobian", "{" + LINEAR + ", " + LINEAR_AT + ", 'wrt': ['c']}").path("engine").asString())
                .isEqualTo("forward");
        assertThat(ok("/jacobian", "{" + LINEAR + ", " + LINEAR_AT + "}").path("engine").asString()).isEqualTo("reverse");
    }

    @Test
    void anArrayOfExpressionsIsAVectorFunctionNamedF() {
        // polar coordinates: f = [r cos t, r sin t]
        double r = 2;
        double t = 0.5;
        JsonNode j = ok("/jacobian", "{'expression': ['r * cos(t)', 'r * sin(t)'], 'at': {'r': 2, 't': 0.5},"
                + " 'wrt': ['r', 't'], 'format': 'matrix'}");
        near(j.path("outputs").path("f").path(1), r * Math.sin(t));
        assertThat(j.path("rowLabels").toString()).isEqualTo("[\"f[0]\",\"f[1]\"]");
        assertThat(j.path("columnLabels").toString()).isEqualTo("[\"r\",\"t\"]");
        near(j.path("matrix").path(0).path(0), Math.cos(t));
        near(j.path("matrix").path(0).path(1), -r * Math.sin(t));
        near(j.path("matrix").path(1).path(0), Math.sin(t));
        near(j.path("matrix").path(1).path(1), r * Math.cos(t));
        near(j.path("jacobian").path("f").path("t").path(1), r * Math.cos(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void hessianIsExactAndSymmetric(String engine) {
        // f = x y z + sin(x y) + exp(y z)
        double x = 0.5;
        double y = -0.8;
        double z = 1.1;
        JsonNode r = ok("/hessian", "{'expression': 'x*y*z + sin(x*y) + exp(y*z)', 'at': {'x': 0.5, 'y': -0.8, 'z': 1.1},"
                + " 'engine': '" + engine + "'}");
        assertThat(r.path("engine").asString()).isEqualTo(engine);
        near(r.path("value"), x * y * z + Math.sin(x * y) + Math.exp(y * z));
        near(r.path("gradient").path("x"), y * z + y * Math.cos(x * y));
        JsonNode h = r.path("hessian");
        near(h.path("x").path("x"), -y * y * Math.sin(x * y));
        near(h.path("x").path("y"), z + Math.cos(x * y) - x * y * Math.sin(x * y));
        near(h.path("y").path("x"), z + Math.cos(x * y) - x * y * Math.sin(x * y));
        near(h.path("y").path("z"), x + Math.exp(y * z) + y * z * Math.exp(y * z));
        near(h.path("z").path("z"), y * y * Math.exp(y * z));
        near(h.path("x").path("z"), y);
    }

    @Test
    void hessianAutoIsForwardOverReverse() {
        assertThat(ok("/hessian", "{'expression': 'x * x', 'at': {'x': 3}}").path("engine").asString()).isEqualTo("forward");
    }

    @Test
    void hessianOfATensorInputHasBothShapes() {
        // sum(x * x * y): d2/dx_i dx_j = 2 y [i=j], d2/dx_i dy = 2 x_i
        JsonNode h = ok("/hessian", "{'expression': 'sum(x * x * y)', 'at': {'x': [1, 2], 'y': 3}}").path("hessian");
        near(h.path("x").path("x").path(0).path(0), 6);
        near(h.path("x").path("x").path(0).path(1), 0);
        near(h.path("x").path("y").path(1), 4);
        near(h.path("y").path("x").path(1), 4);
        near(h.path("y").path("y"), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void jvpIsTheJacobianTimesTheTangent(String engine) {
        JsonNode r = ok("/jvp", "{" + LINEAR + ", " + LINEAR_AT + ", 'tangent': {'v': [1, 0, -1], 'c': 2},"
                + " 'engine': '" + engine + "'}");
        assertThat(r.path("engine").asString()).isEqualTo(engine);
        near(r.path("outputs").path("f").path(0), C * WV[0]);
        for (int i = 0; i < 2; i++) {
            near(r.path("jvp").path("f").path(i), C * (W[i][0] - W[i][2]) + 2 * WV[i]);
        }
    }

    @Test
    void jvpAutoIsForwardMode() {
        assertThat(ok("/jvp", "{" + BAYDIN + ", 'tangent': {'x1': 1}}").path("engine").asString()).isEqualTo("forward");
    }

    @Test
    void jvpWithWrtTakesTheTangentInWrtOrder() {
        JsonNode r = ok("/jvp", "{" + BAYDIN + ", 'tangent': {'x2': 1, 'x1': 0}, 'wrt': ['x1', 'x2']}");
        near(r.path("jvp").path("f"), 2 - Math.cos(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void vjpIsTheCotangentTimesTheJacobian(String engine) {
        JsonNode r = ok("/vjp", "{" + LINEAR + ", " + LINEAR_AT + ", 'cotangent': {'f': [1, 2]}, 'engine': '" + engine + "'}");
        assertThat(r.path("engine").asString()).isEqualTo(engine);
        double[] u = {1, 2};
        JsonNode vjp = r.path("vjp");
        assertThat(vjp.propertyNames()).containsExactly("W", "v", "c");
        for (int k = 0; k < 3; k++) {
            near(vjp.path("v").path(k), C * (u[0] * W[0][k] + u[1] * W[1][k]));
            for (int i = 0; i < 2; i++) {
                near(vjp.path("W").path(i).path(k), C * u[i] * V[k]);
            }
        }
        near(vjp.path("c"), u[0] * WV[0] + u[1] * WV[1]);
        near(r.path("outputs").path("f").path(1), C * WV[1]);
    }

    @Test
    void vjpAutoIsReverseModeAndFollowsWrt() {
        JsonNode r = ok("/vjp", "{" + LINEAR + ", " + LINEAR_AT + ", 'cotangent': {'f': [1, 0]}, 'wrt': ['c']}");
        assertThat(r.path("engine").asString()).isEqualTo("reverse");
        assertThat(r.path("vjp").propertyNames()).containsExactly("c");
        near(r.path("vjp").path("c"), WV[0]);
    }

    @Test
    void theSameFunctionGetsTheSameGraphIdEveryTime() {
        String first = ok("/gradient", "{" + BAYDIN + "}").path("graphId").asString();
        String again = ok("/evaluate", "{" + BAYDIN + "}").path("graphId").asString();
        String other = ok("/evaluate", "{'expression': 'x1 + x2', 'at': {'x1': 1, 'x2': 2}}").path("graphId").asString();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
