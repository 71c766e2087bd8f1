package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error the contract names: its status, stable code, and where it points. */
class ErrorsTest extends ApiTest {

    static final String AT = "'at': {'x': 1, 'y': 2}";

    // 400: not JSON, or not of the contract's form

    @Test
    void invalidJsonIsMalformed() {
        JsonNode p = problem(api.post("/gradient", "{\"expression\": \"x\", "), 400, "MALFORMED_REQUEST");
        assertThat(p.path("detail").asString()).contains("not valid JSON");
    }

    @Test
    void anEmptyBodyIsMalformed() {
        problem(api.post("/evaluate", ""), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        JsonNode p = problem(api.post("/evaluate", "[1, 2]"), 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEmpty();
        assertThat(p.path("detail").asString()).contains("Expected an object but was an array");
    }

    @Test
    void noSourceIsMalformed() {
        JsonNode p = problem("/evaluate", "{" + AT + "}", 400, "MALFORMED_REQUEST");
        assertThat(p.path("detail").asString()).contains("expression", "graph", "graphId");
    }

    @Test
    void twoSourcesAreMalformed() {
        JsonNode p = problem("/evaluate", "{'expression': 'x', 'graphId': 'abc', " + AT + "}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/graphId");
    }

    @Test
    void anExpressionOfTheWrongTypeIsMalformed() {
        JsonNode p = problem("/evaluate", "{'expression': 3, " + AT + "}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/expression");
    }

    @Test
    void anEmptyArrayOfExpressionsIsMalformed() {
        JsonNode p = problem("/evaluate", "{'expression': [], " + AT + "}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/expression");
        assertThat(p.path("detail").asString()).isEqualTo("Expected at least one expression at /expression");
    }

    @Test
    void anUnknownFieldIsMalformedSoThatTyposDoNotPassSilently() {
        JsonNode p = problem("/gradient", "{'expression': 'x', " + AT + ", 'wrtt': ['x']}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/wrtt");
    }

    @Test
    void aFieldOfAnotherEndpointIsMalformed() {
        JsonNode p = problem("/evaluate", "{'expression': 'x', 'at': {'x': 1}, 'wrt': ['x']}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/wrt");
    }

    @Test
    void neitherAtNorPointsIsMalformed() {
        problem("/evaluate", "{'expression': 'x'}", 400, "MALFORMED_REQUEST");
    }

    @Test
    void bothAtAndPointsAreMalformed() {
        JsonNode p = problem("/evaluate", "{'expression': 'x', 'at': {'x': 1}, 'points': [{'x': 1}]}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/points");
    }

    @Test
    void atThatIsNotAnObjectIsMalformed() {
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'at': [1]}", 400, "MALFORMED_REQUEST"))).isEqualTo("/at");
    }

    @Test
    void aStringThatIsNotANumberIsMalformedAtItsElement() {
        JsonNode p = problem("/evaluate", "{'expression': 'sum(x)', 'at': {'x': [1, 'two']}}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/at/x/1");
    }

    @Test
    void aRaggedArrayIsMalformed() {
        JsonNode p = problem("/evaluate", "{'expression': 'sum(x)', 'at': {'x': [[1, 2], [3]]}}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).startsWith("/at/x");
    }

    @Test
    void anEngineOfTheWrongTypeIsMalformed() {
        JsonNode p = problem("/gradient", "{'expression': 'x', 'at': {'x': 1}, 'engine': 1}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/engine");
        assertThat(p.path("detail").asString()).isEqualTo("Expected a string but was a number at /engine");
    }

    @Test
    void anUnknownFormatIsMalformed() {
        assertThat(pointer(problem("/jacobian", "{'expression': 'x', 'at': {'x': 1}, 'format': 'csv'}", 400,
                "MALFORMED_REQUEST"))).isEqualTo("/format");
    }

    @Test
    void anEmptyBatchIsMalformed() {
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'points': []}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/points");
    }

    @Test
    void aPointThatIsNotAnObjectIsMalformedAtItsIndex() {
        assertThat(pointer(problem("/evaluate", "{'expression': 'x', 'points': [{'x': 1}, 2]}", 400, "MALFORMED_REQUEST")))
                .isEqualTo("/points/1");
    }

    @Test
    void aMissingTangentIsMalformed() {
        problem("/jvp", "{'expression': 'x', 'at': {'x': 1}}", 400, "MALFORMED_REQUEST");
    }

    @Test
    void aMalformedGraphIsMalformedAtItsField() {
        JsonNode p = problem("/evaluate", "{'graph': {'nodes': 3, 'outputs': ['a']}, 'at': {}}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(p)).isEqualTo("/graph/nodes");
    }

    @Test
    void aFieldNameWithSlashAndTildeIsEscapedInItsPointer() {
        // RFC 6901: '~' is written '~0' and '/' is written '~1', so that the pointer names exactly that field
        JsonNode node = problem("/evaluate", "{'graph': {'nodes': [{'id': 'y', 'op': 'exp', 'args': ['x'], 'a/b~c': 1}],"
                + " 'outputs': ['y']}, 'at': {'x': 1}}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(node)).isEqualTo("/graph/nodes/0/a~1b~0c");
        JsonNode attr = problem("/evaluate", "{'graph': {'nodes': [{'id': 'y', 'op': 'sum', 'args': ['x'],"
                + " 'attrs': {'ax/is~': 1.5}}], 'outputs': ['y']}, 'at': {'x': 1}}", 422, "BAD_ATTRS");
        assertThat(pointer(attr)).isEqualTo("/graph/nodes/0/attrs/ax~1is~0");
        JsonNode top = problem("/evaluate", "{'expression': 'x', 'at': {'x': 1}, 'w/r~t': ['x']}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(top)).isEqualTo("/w~1r~0t");
        JsonNode name = problem("/evaluate", "{'expression': 'x', 'at': {'x': 1, '~/': 2}}", 422, "UNKNOWN_NAME");
        assertThat(pointer(name)).isEqualTo("/at/~0~1");
    }

    // 404, 405, 415: the framework's errors in the same form

    @Test
    void anUnknownGraphIdIsNotFound() {
        JsonNode p = problem("/gradient", "{'graphId': 'no-such-graph', 'at': {'x': 1}}", 404, "UNKNOWN_GRAPH");
        assertThat(pointer(p)).isEqualTo("/graphId");
    }

    @Test
    void anUnknownPathIsNotFoundForEveryMethod() {
        problem(api.get("/nowhere"), 404, "NOT_FOUND");
        problem(api.post("/nowhere", "{}"), 404, "NOT_FOUND");
        problem(api.delete("/nowhere"), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        HttpApi.Reply reply = api.get("/gradient");
        problem(reply, 405, "METHOD_NOT_ALLOWED");
        assertThat(reply.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        problem(api.post("/gradient", "text/plain", "x^2"), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(api.send(HttpRequest.newBuilder(api.uri("/gradient")).POST(HttpRequest.BodyPublishers.ofString("{}"))),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    // 422: well-formed, but the function or the point does not make sense

    @Test
    void aSyntaxErrorNamesItsPosition() {
        JsonNode p = problem("/gradient", "{'expression': 'x * (y + ', " + AT + "}", 422, "SYNTAX");
        assertThat(pointer(p)).isEqualTo("/expression");
        assertThat(p.path("position").asInt()).isEqualTo(9);  // the end of the text, where an operand is missing
    }

    @Test
    void aSyntaxErrorInOneOfSeveralExpressionsPointsAtIt() {
        JsonNode p = problem("/jacobian", "{'expression': ['x + y', 'x $ y'], " + AT + "}", 422, "SYNTAX");
        assertThat(pointer(p)).isEqualTo("/expression/1");
        assertThat(p.path("position").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownOpIsUnprocessable() {
        JsonNode p = problem("/gradient", "{'expression': 'x + frobnicate(y)', " + AT + "}", 422, "UNKNOWN_OP");
        assertThat(p.path("position").asInt()).isEqualTo(4);
    }

    @Test
    void anUnknownOpInAGraphNamesTheNode() {
        JsonNode p = problem("/evaluate", "{'graph': {'nodes': [{'id': 'a', 'op': 'frobnicate', 'args': ['x']}],"
                + " 'outputs': ['a']}, 'at': {'x': 1}}", 422, "UNKNOWN_OP");
        assertThat(pointer(p)).startsWith("/graph/nodes/0");
    }

    @Test
    void aCycleIsUnprocessable() {
        problem("/evaluate", "{'graph': {'nodes': [{'id': 'a', 'op': 'sin', 'args': ['b']},"
                + " {'id': 'b', 'op': 'cos', 'args': ['a']}], 'outputs': ['a']}, 'at': {}}", 422, "CYCLE");
    }

    @Test
    void aDuplicateIdIsUnprocessable() {
        problem("/evaluate", "{'graph': {'nodes': [{'id': 'a', 'op': 'sin', 'args': ['x']},"
                + " {'id': 'a', 'op': 'cos', 'args': ['x']}], 'outputs': ['a']}, 'at': {'x': 1}}", 422, "DUPLICATE_ID");
    }

    @Test
    void aWrongNumberOfArgsIsUnprocessable() {
        problem("/evaluate", "{'graph': {'nodes': [{'id': 'a', 'op': 'sin', 'args': ['x', 'x']}],"
                + " 'outputs': ['a']}, 'at': {'x': 1}}", 422, "ARITY");
    }

    @Test
    void aNameThatIsNotAnInputIsUnknown() {
        JsonNode p = problem("/evaluate", "{'expression': 'x + y', 'at': {'x': 1, 'y': 2, 'z': 3}}", 422, "UNKNOWN_NAME");
        assertThat(pointer(p)).isEqualTo("/at/z");
    }

    @Test
    void aNameThatIsNotAnInputIsUnknownInABatchToo() {
        JsonNode p = problem("/evaluate", "{'expression': 'x', 'points': [{'x': 1}, {'x': 1, 'X': 2}]}", 422, "UNKNOWN_NAME");
        assertThat(pointer(p)).isEqualTo("/points/1/X");
    }

    @Test
    void aMissingInputIsReported() {
        JsonNode p = problem("/evaluate", "{'expression': 'x + y', 'at': {'x': 1}}", 422, "MISSING_INPUT");
        assertThat(pointer(p)).isEqualTo("/at");
        assertThat(p.path("detail").asString()).contains("'y'");
    }

    @Test
    void aValueOfAnotherShapeThanDeclaredIsAShapeMismatch() {
        JsonNode p = problem("/evaluate", "{'graph': {'inputs': [{'name': 'x', 'shape': [3]}], 'nodes':"
                + " [{'id': 's', 'op': 'sum', 'args': ['x']}], 'outputs': ['s']}, 'at': {'x': [1, 2]}}", 422, "SHAPE_MISMATCH");
        assertThat(pointer(p)).isEqualTo("/at/x");
    }

    @Test
    void shapesThatDoNotFitAnOpAreAShapeMismatch() {
        problem("/evaluate", "{'expression': 'x + y', 'at': {'x': [1, 2], 'y': [1, 2, 3]}}", 422, "SHAPE_MISMATCH");
    }

    @Test
    void anUnknownWrtNameIsUnknown() {
        JsonNode p = problem("/gradient", "{'expression': 'x + y', " + AT + ", 'wrt': ['x', 'z']}", 422, "UNKNOWN_NAME");
        assertThat(pointer(p)).isEqualTo("/wrt/1");
    }

    @Test
    void aWrtNameTwiceIsADuplicate() {
        JsonNode p = problem("/gradient", "{'expression': 'x + y', " + AT + ", 'wrt': ['x', 'x']}", 422, "DUPLICATE_NAME");
        assertThat(pointer(p)).isEqualTo("/wrt/1");
    }

    @Test
    void anUnknownEngineIsUnprocessable() {
        JsonNode p = problem("/gradient", "{'expression': 'x + y', " + AT + ", 'engine': 'backward'}", 422, "UNKNOWN_ENGINE");
        assertThat(pointer(p)).isEqualTo("/engine");
        assertThat(p.path("detail").asString()).contains("forward", "reverse", "auto");
    }

    @Test
    void theGradientOfANonScalarOutputPointsToTheJacobian() {
        JsonNode p = problem("/gradient", "{'expression': 'x * y', 'at': {'x': [1, 2], 'y': 2}}", 422, "NOT_SCALAR");
        assertThat(p.path("detail").asString()).contains("/jacobian");
        problem("/hessian", "{'expression': 'x * y', 'at': {'x': [1, 2], 'y': 2}}", 422, "NOT_SCALAR");
    }

    @Test
    void severalOutputsNeedAnOutputField() {
        String graph = "'graph': {'nodes': [{'id': 'a', 'expr': 'x * y'}, {'id': 'b', 'expr': 'x + y'}], 'outputs': ['a', 'b']}";
        problem("/gradient", "{" + graph + ", " + AT + "}", 422, "MISSING_OUTPUT");
        JsonNode p = problem("/hessian", "{" + graph + ", " + AT + ", 'output': 'c'}", 422, "UNKNOWN_NAME");
        assertThat(pointer(p)).isEqualTo("/output");
    }

    @Test
    void aTangentForANameThatIsNotAnInputIsUnknown() {
        JsonNode p = problem("/jvp", "{'expression': 'x + y', " + AT + ", 'tangent': {'z': 1}}", 422, "UNKNOWN_NAME");
        assertThat(pointer(p)).isEqualTo("/tangent/z");
    }

    @Test
    void aTangentOfTheWrongShapeIsAShapeMismatch() {
        JsonNode p = problem("/jvp", "{'expression': 'x + y', " + AT + ", 'tangent': {'x': [1, 2]}}", 422, "SHAPE_MISMATCH");
        assertThat(pointer(p)).isEqualTo("/tangent/x");
    }

    @Test
    void aWrtInputWithoutATangentIsMissing() {
        JsonNode p = problem("/jvp", "{'expression': 'x + y', " + AT + ", 'tangent': {'x': 1}, 'wrt': ['x', 'y']}", 422,
                "MISSING_TANGENT");
        assertThat(pointer(p)).isEqualTo("/tangent");
    }

    @Test
    void anOutputWithoutACotangentIsMissing() {
        JsonNode p = problem("/vjp", "{'graph': {'nodes': [{'id': 'a', 'expr': 'x * y'}, {'id': 'b', 'expr': 'x + y'}],"
                + " 'outputs': ['a', 'b']}, " + AT + ", 'cotangent': {'a': 1}}", 422, "MISSING_COTANGENT");
        assertThat(pointer(p)).isEqualTo("/cotangent");
    }

    @Test
    void aCotangentOfTheWrongShapeIsAShapeMismatch() {
        JsonNode p = problem("/vjp", "{'expression': 'x * y', " + AT + ", 'cotangent': {'f': [1, 1]}}", 422, "SHAPE_MISMATCH");
        assertThat(pointer(p)).isEqualTo("/cotangent/f");
    }

    @Test
    void aCotangentForAnUnknownOutputIsUnknown() {
        JsonNode p = problem("/vjp", "{'expression': 'x * y', " + AT + ", 'cotangent': {'f': 1, 'g': 1}}", 422, "UNKNOWN_NAME");
        assertThat(pointer(p)).isEqualTo("/cotangent/g");
    }

    @Test
    void problemsNameTheRequestPathAsTheirInstance() {
        JsonNode p = problem("/gradient", "{'expression': 'x +', " + AT + "}", 422, "SYNTAX");
        assertThat(p.path("instance").asString()).isEqualTo("/gradient");
    }
}
