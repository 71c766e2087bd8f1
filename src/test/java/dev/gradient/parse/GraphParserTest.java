package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Graph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphParserTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SourceParser parser = new SourceParser(new ParseLimits(10_000, 64, 500_000));

    private Graph parse(String text) {
        return parser.graph(json.readTree(text.replace('\'', '"')), "/graph");
    }

    @Test
    void nodesMayComeInAnyOrderAndTheIdDoesNotChange() {
        Graph a = parse("{'nodes': [{'id': 't', 'op': 'mul', 'args': ['x', 'y']}, {'id': 's', 'expr': 'sin(t) + c'},"
                + " {'id': 'c', 'const': 2.5}], 'inputs': [{'name': 'x'}, {'name': 'y'}], 'outputs': ['s']}");
        Graph b = parse("{'nodes': [{'id': 'c', 'const': 2.5}, {'id': 's', 'expr': 'sin(t)  +  c'},"
                + " {'id': 't', 'op': 'mul', 'args': ['x', 'y']}], 'inputs': [{'name': 'x'}, {'name': 'y'}], 'outputs': ['s']}");
        assertThat(CanonicalForm.id(a)).isEqualTo(CanonicalForm.id(b)).hasSize(32);
    }

    @Test
    void theCanonicalFormParsesBackToTheSameId() {
        Graph a = parse("{'nodes': [{'id': 'h', 'expr': 'tanh(x * 2) - y'}, {'id': 's', 'op': 'sum', 'args': ['h'],"
                + " 'attrs': {'axis': 0}}], 'outputs': ['s', 'h']}");
        Graph again = parser.graph(CanonicalForm.toJson(a), "/graph");
        assertThat(CanonicalForm.id(again)).isEqualTo(CanonicalForm.id(a));
        assertThat(again.outputNames()).containsExactly("s", "h");
    }

    @Test
    void anExpressionReadingFHasACanonicalFormThatParsesBackToTheSameId() {
        Graph expression = parser.expression("f * 2", "/expression");
        Graph again = parser.graph(CanonicalForm.toJson(expression), "/graph");
        assertThat(again.outputNames()).containsExactly("f");
        assertThat(again.inputNames()).containsExactly("f");
        assertThat(CanonicalForm.id(again)).isEqualTo(CanonicalForm.id(expression));
        assertThat(CanonicalForm.id(expression)).isNotEqualTo(CanonicalForm.id(parser.expression("g * 2", "/expression")));
    }

    @Test
    void differentFunctionsGetDifferentIds() {
        Graph a = parse("{'nodes': [{'id': 'f', 'expr': 'x + y'}], 'outputs': ['f']}");
        Graph b = parse("{'nodes': [{'id': 'f', 'expr': 'x - y'}], 'outputs': ['f']}");
        assertThat(CanonicalForm.id(a)).isNotEqualTo(CanonicalForm.id(b));
    }

    @Test
    void undeclaredInputsAreInferredInOrderOfFirstUse() {
        Graph g = parse("{'nodes': [{'id': 't1', 'op': 'mul', 'args': ['x', 'y']}, {'id': 'h', 'expr': 'z * t1'}],"
                + " 'outputs': ['h']}");
        assertThat(g.inputNames()).containsExactly("x", "y", "z");
    }

    @Test
    void aNameThatNothingDefinesIsAnErrorWhenInputsAreDeclared() {
        assertGraphError("{'inputs': [{'name': 'x'}], 'nodes': [{'id': 't', 'op': 'mul', 'args': ['x', 'q']}],"
                + " 'outputs': ['t']}", "UNKNOWN_NAME", "/graph/nodes/0/args/1");
        assertGraphError("{'inputs': [{'name': 'x'}], 'nodes': [{'id': 't', 'expr': 'x * qq'}], 'outputs': ['t']}",
                "UNKNOWN_NAME", "/graph/nodes/0/expr");
        assertGraphError("{'nodes': [{'id': 't', 'expr': 'x'}], 'outputs': ['nope']}", "UNKNOWN_NAME", "/graph/outputs/0");
    }

    @Test
    void duplicateIdsCyclesUnknownOpsAndArityAreNamed() {
        assertGraphError("{'nodes': [{'id': 'a', 'expr': 'x'}, {'id': 'a', 'expr': 'y'}], 'outputs': ['a']}",
                "DUPLICATE_ID", "/graph/nodes/1");
        assertGraphError("{'inputs': [{'name': 'x'}], 'nodes': [{'id': 'x', 'const': 1}], 'outputs': ['x']}",
                "DUPLICATE_ID", "/graph/nodes/0");
        assertGraphError("{'nodes': [{'id': 'a', 'op': 'sin', 'args': ['b']}, {'id': 'b', 'op': 'cos', 'args': ['a']}],"
                + " 'outputs': ['a']}", "CYCLE", "/graph/nodes/");
        assertGraphError("{'nodes': [{'id': 'a', 'op': 'frobnicate', 'args': ['x']}], 'outputs': ['a']}",
                "UNKNOWN_OP", "/graph/nodes/0/op");
        assertGraphError("{'nodes': [{'id': 'a', 'op': 'sin', 'args': ['x', 'y']}], 'outputs': ['a']}",
                "ARITY", "/graph/nodes/0/args");
        assertGraphError("{'nodes': [{'id': 'a', 'op': 'sum', 'args': ['x'], 'attrs': {'axis': 'one'}}], 'outputs': ['a']}",
                "BAD_ATTRS", "/graph/nodes/0/attrs");
    }

    @Test
    void formErrorsAreMalformedRequestsWithPointers() {
        assertMalformed("{'nodes': {}, 'outputs': ['a']}", "/graph/nodes");
        assertMalformed("{'nodes': [{'id': 3, 'const': 1}], 'outputs': ['a']}", "/graph/nodes/0/id");
        assertMalformed("{'nodes': [{'id': 'a', 'const': 1, 'expr': 'x'}], 'outputs': ['a']}", "/graph/nodes/0");
        assertMalformed("{'nodes': [{'id': 'a', 'const': 1}], 'outputs': []}", "/graph/outputs");
        assertMalformed("{'nodes': [{'id': 'a', 'const': 1, 'arg': []}], 'outputs': ['a']}", "/graph/nodes/0/arg");
        assertMalformed("{'inputs': [{'name': 'x', 'shape': [2, -1]}], 'nodes': [], 'outputs': ['x']}",
                "/graph/inputs/0/shape/1");
    }

    @Test
    void aChainOfTwoHundredThousandNodesParsesIteratively() {
        StringBuilder nodes = new StringBuilder("{\"id\": \"n0\", \"op\": \"sin\", \"args\": [\"x\"]}");
        for (int i = 1; i < 200_000; i++) {
            nodes.append(", {\"id\": \"n").append(i).append("\", \"op\": \"sin\", \"args\": [\"n").append(i - 1).append("\"]}");
        }
        JsonNode graph = json.readTree("{\"nodes\": [" + nodes + "], \"outputs\": [\"n199999\"]}");
        Graph g = parser.graph(graph, "/graph");
        assertThat(g.nodes()).hasSize(200_001);
        assertThat(CanonicalForm.id(g)).hasSize(32);
    }

    private void assertGraphError(String text, String code, String pointerPrefix) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(GradientException.class, e -> {
            assertThat(e.code().name()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.origin().pointer()).as(e.getMessage()).startsWith(pointerPrefix);
        });
    }

    private void assertMalformed(String text, String pointer) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(GradientException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.origin().pointer()).as(e.getMessage()).isEqualTo(pointer);
        });
    }
}
