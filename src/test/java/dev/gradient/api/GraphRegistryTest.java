package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The lifecycle of registered graphs, and the stability of their ids. */
class GraphRegistryTest extends ApiTest {

    static final String GRAPH = "{'inputs': [{'name': 'x', 'shape': [3]}, {'name': 'y'}], 'nodes': ["
            + "{'id': 't1', 'op': 'mul', 'args': ['x', 'y']}, {'id': 'c', 'const': 2.5},"
            + "{'id': 'h', 'expr': 'sin(t1 * c)'}, {'id': 's', 'op': 'sum', 'args': ['h'], 'attrs': {'axis': 0}}],"
            + " 'outputs': ['s', 'h']}";
    /** The same graph with its nodes in another order and other whitespace. */
    static final String SAME_GRAPH = "{'inputs':[{'name':'x','shape':[3]},{'name':'y'}],'nodes':["
            + "{'id':'s','op':'sum','args':['h'],'attrs':{'axis':0}},{'id':'h','expr':'sin(t1 * c)'},"
            + "{'id':'c','const':2.5},{'id':'t1','op':'mul','args':['x','y']}],'outputs':['s','h']}";

    @Test
    void registeringIsCreatedThenOkWithTheSameBody() {
        String body = "{'graph': " + GRAPH.replace("2.5", "3.5") + "}";
        HttpApi.Reply first = api.post("/graphs", body.replace('\'', '"'));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().path("graphId").asString();
        assertThat(first.headers().firstValue("Location")).hasValue("/graphs/" + id);
        HttpApi.Reply again = api.post("/graphs", body.replace('\'', '"'));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void theBodyDescribesInputsOutputsAndNodeCount() {
        JsonNode r = api.post("/graphs", ("{'graph': " + GRAPH + "}").replace('\'', '"')).json();
        assertThat(r.path("inputs").toString()).isEqualTo("[{\"name\":\"x\",\"shape\":[3]},{\"name\":\"y\",\"shape\":null}]");
        // y's shape waits for its value, so the outputs' shapes do too
        assertThat(r.path("outputs").toString()).isEqualTo("[{\"name\":\"s\",\"shape\":null},{\"name\":\"h\",\"shape\":null}]");
        assertThat(r.path("nodeCount").asInt()).isPositive();
        assertThat(r.has("graph")).isFalse();
    }

    @Test
    void outputShapesAreKnownWhereEveryInputDeclaresOne() {
        JsonNode r = api.post("/graphs", "{\"graph\": {\"inputs\": [{\"name\": \"W\", \"shape\": [2, 3]}], \"nodes\": ["
                + "{\"id\": \"s\", \"op\": \"sum\", \"args\": [\"W\"], \"attrs\": {\"axis\": 1}}], \"outputs\": [\"s\", \"W\"]}}").json();
        assertThat(r.path("outputs").toString()).isEqualTo("[{\"name\":\"s\",\"shape\":[2]},{\"name\":\"W\",\"shape\":[2,3]}]");
    }

    @Test
    void theSameGraphGetsTheSameIdWhateverItsNodeOrderAndWhitespace() {
        String a = api.post("/graphs", ("{'graph': " + GRAPH + "}").replace('\'', '"')).json().path("graphId").asString();
        String b = api.post("/graphs", ("{'graph': " + SAME_GRAPH + "}").replace('\'', '"')).json().path("graphId").asString();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void anInlineSourceReportsTheIdThatRegisteringItGives() {
        String registered = api.post("/graphs", "{\"expression\": \"x * exp(-y)\"}").json().path("graphId").asString();
        String inline = ok("/evaluate", "{'expression': 'x * exp(-y)', 'at': {'x': 1, 'y': 0}}").path("graphId").asString();
        assertThat(inline).isEqualTo(registered);
    }

    @Test
    void getReturnsTheBodyWithTheCanonicalGraphWhichCanBePostedAgain() {
        HttpApi.Reply created = api.post("/graphs", ("{'graph': " + GRAPH + "}").replace('\'', '"'));
        String id = created.json().path("graphId").asString();
        HttpApi.Reply got = api.get("/graphs/" + id);
        assertThat(got.status()).isEqualTo(200);
        JsonNode body = got.json();
        assertThat(body.path("graphId").asString()).isEqualTo(id);
        assertThat(body.path("inputs")).isEqualTo(created.json().path("inputs"));
        assertThat(body.path("graph").path("nodes").isArray()).isTrue();
        ObjectNode repost = HttpApi.JSON.createObjectNode();
        repost.set("graph", body.path("graph"));
        HttpApi.Reply again = api.post("/graphs", repost);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("graphId").asString()).isEqualTo(id);
    }

    @Test
    void aRegisteredGraphIsUsedByIdAndReportsThatId() {
        String id = api.post("/graphs", ("{'graph': " + GRAPH + "}").replace('\'', '"')).json().path("graphId").asString();
        JsonNode r = ok("/gradient", "{'graphId': '" + id + "', 'at': {'x': [0.1, 0.2, 0.3], 'y': 2}, 'output': 's'}");
        assertThat(r.path("graphId").asString()).isEqualTo(id);
        // s = sum(sin(2.5 x y)): ds/dy = sum(2.5 x cos(2.5 x y))
        double expected = 0;
        for (double x : new double[] {0.1, 0.2, 0.3}) {
            expected += 2.5 * x * Math.cos(2.5 * x * 2);
        }
        near(r.path("gradient").path("y"), expected);
    }

    @Test
    void deleteForgetsTheGraph() {
        String id = api.post("/graphs", "{\"expression\": \"x * x * x + 17\"}").json().path("graphId").asString();
        assertThat(api.delete("/graphs/" + id).status()).isEqualTo(204);
        problem(api.get("/graphs/" + id), 404, "UNKNOWN_GRAPH");
        problem(api.delete("/graphs/" + id), 404, "UNKNOWN_GRAPH");
        JsonNode p = problem("/gradient", "{'graphId': '" + id + "', 'at': {'x': 1}}", 404, "UNKNOWN_GRAPH");
        assertThat(pointer(p)).isEqualTo("/graphId");
        // the inline form still works: deleting a registration does not break inline use
        assertThat(ok("/evaluate", "{'expression': 'x * x * x + 17', 'at': {'x': 1}}").path("graphId").asString()).isEqualTo(id);
    }

    @Test
    void registeringTakesExactlyOneInlineSource() {
        problem("/graphs", "{}", 400, "MALFORMED_REQUEST");
        assertThat(pointer(problem("/graphs", "{'graphId': 'abc'}", 400, "MALFORMED_REQUEST"))).isEqualTo("/graphId");
        problem("/graphs", "{'expression': 'x', 'graph': " + GRAPH + "}", 400, "MALFORMED_REQUEST");
    }

    @Test
    void registeringAGraphThatDoesNotMakeSenseIsUnprocessable() {
        problem("/graphs", "{'expression': 'x +* y'}", 422, "SYNTAX");
        problem("/graphs", "{'graph': {'inputs': [{'name': 'x', 'shape': [2]}, {'name': 'y', 'shape': [3]}],"
                + " 'nodes': [{'id': 'a', 'op': 'add', 'args': ['x', 'y']}], 'outputs': ['a']}}", 422, "SHAPE_MISMATCH");
    }
}
