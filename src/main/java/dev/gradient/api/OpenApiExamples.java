package dev.gradient.api;

import dev.gradient.parse.Values;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Response examples for every operation of the OpenAPI document, keyed by operationId and
 * status. Each is a body that the service really answered to the operation's request example
 * (the request examples sit with the controllers), so that a reader and a generated client's
 * documentation see a matching pair.
 */
final class OpenApiExamples {

    private static final String GRAPH_NOT_FOUND = """
            {"type": "urn:gradient:problem:unknown-graph", "title": "Unknown graph", "status": 404,
             "detail": "no graph has the id '0123456789abcdef0123456789abcdef'; POST /graphs registers one",
             "instance": "/gradient", "code": "UNKNOWN_GRAPH", "errors": [{"pointer": "/graphId",
             "message": "no graph has the id '0123456789abcdef0123456789abcdef'; POST /graphs registers one"}]}""";

    private static final String NO_SUCH_GRAPH = """
            {"type": "urn:gradient:problem:unknown-graph", "title": "Unknown graph", "status": 404,
             "detail": "no graph has the id '0123456789abcdef0123456789abcdef'; POST /graphs registers one",
             "instance": "/graphs/0123456789abcdef0123456789abcdef", "code": "UNKNOWN_GRAPH"}""";

    private static final String UNKNOWN_NAME = """
            {"type": "urn:gradient:problem:unknown-name", "title": "Unknown name", "status": 422,
             "detail": "'z' is not an input of the function; its inputs are [x, y]", "instance": "/gradient",
             "code": "UNKNOWN_NAME", "errors": [{"pointer": "/at/z",
             "message": "'z' is not an input of the function; its inputs are [x, y]"}]}""";

    private static final String SYNTAX = """
            {"type": "urn:gradient:problem:syntax", "title": "Syntax error", "status": 422,
             "detail": "the expression ends where an operand was expected (position 14)", "instance": "/graphs",
             "code": "SYNTAX", "errors": [{"pointer": "/expression",
             "message": "the expression ends where an operand was expected (position 14)"}], "position": 14}""";

    private static final String CHECK_NO_ENGINE = """
            {"type": "urn:gradient:problem:malformed-request", "title": "Malformed request", "status": 400,
             "detail": "/check takes no 'engine': it checks every AD engine against the numeric one",
             "instance": "/check", "code": "MALFORMED_REQUEST", "errors": [{"pointer": "/engine",
             "message": "/check takes no 'engine': it checks every AD engine against the numeric one"}]}""";

    private static final String REGISTERED = """
            {"graphId": "a35d007e3357d2307de799c4857f49ae",
             "inputs": [{"name": "x", "shape": [3]}, {"name": "y", "shape": null}],
             "outputs": [{"name": "s", "shape": null}], "nodeCount": 4}""";

    private static final Map<String, Map<String, String>> BY_OPERATION = Map.ofEntries(
            Map.entry("engines", Map.of("200", """
                    [{"name": "forward", "description": "Forward mode (tangent propagation), vector form: one sweep\
                     carries all tangent directions; cheapest when the differentiated inputs have fewer elements than\
                     the outputs.", "blas": "dev.ludovic.netlib.blas.JNIBLAS"},
                     {"name": "numeric", "description": "Numeric reference, not AD: central differences with one\
                     Richardson extrapolation, (4 D(h/2) - D(h)) / 3, with a step per input element of h = eps^(1/5) *\
                     max(1, |x|) (about 7.4e-4 * max(1, |x|)); four evaluations of the function per JVP direction, VJPs\
                     and Jacobians through JVPs, Hessians as differences of the exact reverse-mode gradient. Error of\
                     each derivative: truncation |f'''''| h^4 / 480 (about 6e-16 |f'''''| where |x| <= 1) plus round-off\
                     about 3 eps |f| / h, |f| the size of the terms f is computed from (about 9e-13 |f| where |x| <= 1):\
                     about 1e-12 relative where f is smooth and well scaled, meaningless at kinks and singularities. For\
                     checking the AD engines (POST /check); \\"auto\\" never picks it.", "blas": "dev.ludovic.netlib.blas.JNIBLAS"},
                     {"name": "reverse", "description": "Reverse mode (adjoints over the compiled graph): one backward\
                     sweep per output element; cheapest for gradients and whenever the outputs have fewer elements\
                     than the inputs.", "blas": "dev.ludovic.netlib.blas.JNIBLAS"}]""")),
            Map.entry("ops", Map.of("200", """
                    [{"name": "sum", "arity": {"min": 1, "max": 1}, "attrs": [{"name": "axis", "type": "int",
                     "required": false, "description": "the axis to sum over; all elements when absent"}],
                     "syntax": "sum(x) or sum(x, axis=0)", "summary": "Sum of all elements, or along an axis.",
                     "derivativeConvention": "smooth where defined"}]""")),
            Map.entry("evaluate", Map.of("200", """
                    {"graphId": "469c5a8580895253605817ef4f10935e", "engine": "forward",
                     "outputs": {"f": 0.958851077208406}}""", "422", UNKNOWN_NAME)),
            Map.entry("gradient", Map.of("200", """
                    {"graphId": "690c140dcc9c479c97ecf6da0d2d06fd", "engine": "reverse", "value": 11.652071455223084,
                     "gradient": {"x1": 5.5, "x2": 1.7163378145367738}}""", "404", GRAPH_NOT_FOUND, "422", UNKNOWN_NAME)),
            Map.entry("jacobian", Map.of("200", """
                    {"graphId": "10dd3c2bfb998f29977d7090c984f303", "engine": "reverse",
                     "outputs": {"f": [1.7551651237807455, 0.958851077208406]},
                     "jacobian": {"f": {"r": [0.8775825618903728, 0.479425538604203],
                                        "t": [-0.958851077208406, 1.7551651237807455]}},
                     "matrix": [[0.8775825618903728, -0.958851077208406], [0.479425538604203, 1.7551651237807455]],
                     "rowLabels": ["f[0]", "f[1]"], "columnLabels": ["r", "t"]}""", "422", UNKNOWN_NAME)),
            Map.entry("hessian", Map.of("200", """
                    {"graphId": "52f621334e7c406c2ee43522c9666bec", "engine": "forward", "value": -0.4146354306270692,
                     "gradient": {"x": -1.6168487952023083, "y": 1.466791699851182, "z": -0.7318263293452651},
                     "hessian": {"x": {"x": 0.24922773907753637, "y": 1.865293657079425, "z": -0.8},
                                 "y": {"x": 1.865293657079425, "y": 0.5992419087118761, "z": 0.5497739494017897},
                                 "z": {"x": -0.8, "y": 0.5497739494017897, "z": 0.26546106347621207}}}""",
                    "422", UNKNOWN_NAME)),
            Map.entry("hvp", Map.of("200", """
                    {"graphId": "d7f5d500c8a4e8e34763c4b961fb762c", "engine": "forward", "value": 163.0,
                     "gradient": {"x": [-251.0, 401.0, -50.0]}, "hvp": {"x": [-298.0, -200.0, 0.0]}}""",
                    "422", UNKNOWN_NAME)),
            Map.entry("jacobianSparsity", Map.of("200", """
                    {"graphId": "21bfa4dd0d65b4aebd78569c2ec818dc",
                     "pattern": {"shape": [4, 5], "rows": [0, 0, 1, 1, 2, 2, 3, 3], "cols": [0, 1, 1, 2, 2, 3, 3, 4]},
                     "rowLabels": ["f[0]", "f[1]", "f[2]", "f[3]"], "columnLabels": ["x[0]", "x[1]", "x[2]", "x[3]", "x[4]"],
                     "colours": {"columns": 2, "rows": 2, "maxRowDegree": 2}}""", "422", UNKNOWN_NAME)),
            Map.entry("hessianSparsity", Map.of("200", """
                    {"graphId": "d7f5d500c8a4e8e34763c4b961fb762c",
                     "pattern": {"shape": [5, 5], "rows": [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4],
                                 "cols": [0, 1, 0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4]},
                     "rowLabels": ["x[0]", "x[1]", "x[2]", "x[3]", "x[4]"],
                     "columnLabels": ["x[0]", "x[1]", "x[2]", "x[3]", "x[4]"], "colours": 3}""", "422", UNKNOWN_NAME)),
            Map.entry("jvp", Map.of("200", """
                    {"graphId": "10dd3c2bfb998f29977d7090c984f303", "engine": "forward",
                     "outputs": {"f": [1.7551651237807455, 0.958851077208406]},
                     "jvp": {"f": [0.8775825618903728, 0.479425538604203]}}""", "422", UNKNOWN_NAME)),
            Map.entry("vjp", Map.of("200", """
                    {"graphId": "11ff01fff268e0698d3c4b22b7b31af5", "engine": "reverse", "outputs": {"f": 14.0},
                     "vjp": {"x": [4.0, 8.0, 12.0]}}""", "422", UNKNOWN_NAME)),
            Map.entry("check", Map.of("200", """
                    {"graphId": "0aac33744cbc839860be6cdf0cff4b36", "passed": true, "reference": "numeric",
                     "atol": 1.0E-5, "rtol": 0.001,
                     "engines": {"forward": {"passed": true, "mismatchCount": 0,
                                             "inputs": {"x": {"passed": true, "maxAbsDiff": 5.435651928564766E-13,
                                                              "maxRelDiff": 1.889640653545186E-13, "mismatchCount": 0},
                                                        "y": {"passed": true, "maxAbsDiff": 5.639932965095795E-13,
                                                              "maxRelDiff": 7.140743738048598E-14, "mismatchCount": 0}},
                                             "mismatches": []},
                                 "reverse": {"passed": true, "mismatchCount": 0,
                                             "inputs": {"x": {"passed": true, "maxAbsDiff": 5.435651928564766E-13,
                                                              "maxRelDiff": 1.889640653545186E-13, "mismatchCount": 0},
                                                        "y": {"passed": true, "maxAbsDiff": 5.639932965095795E-13,
                                                              "maxRelDiff": 7.140743738048598E-14, "mismatchCount": 0}},
                                             "mismatches": []}}}""", "400", CHECK_NO_ENGINE)),
            Map.entry("register", Map.of("201", REGISTERED, "200", REGISTERED, "422", SYNTAX)),
            Map.entry("get", Map.of("200", """
                    {"graphId": "a35d007e3357d2307de799c4857f49ae",
                     "inputs": [{"name": "x", "shape": [3]}, {"name": "y", "shape": null}],
                     "outputs": [{"name": "s", "shape": null}], "nodeCount": 4,
                     "graph": {"inputs": [{"name": "x", "shape": [3]}, {"name": "y"}],
                               "nodes": [{"id": "t1", "op": "mul", "args": ["x", "y"]},
                                         {"id": "s", "op": "sum", "args": ["t1"]}],
                               "outputs": ["s"]}}""", "404", NO_SUCH_GRAPH)),
            Map.entry("delete", Map.of("404", NO_SUCH_GRAPH)),
            Map.entry("listGraphs", Map.of("200", """
                    {"graphs": [{"graphId": "a35d007e3357d2307de799c4857f49ae", "nodeCount": 4,
                     "created": "2026-12-01T21:51:48.123Z"}],
                     "nextCursor": null, "usage": {"graphs": 1, "nodes": 4, "maxNodes": 1000000}}""", "400", """
                    {"type": "urn:gradient:problem:malformed-request", "title": "Malformed request", "status": 400,
                     "detail": "The query parameter cursor must be a nextCursor that GET /graphs answered, got 'xyz'",
                     "instance": "/graphs", "code": "MALFORMED_REQUEST", "parameter": "cursor"}""")));

    /** The response fields that hold values, by how many levels of names lead to them (gradient[x], jacobian[f][x]). */
    private static final Map<String, Integer> VALUE_FIELDS = Map.of("value", 0, "matrix", 0, "outputs", 1, "gradient", 1,
            "jvp", 1, "vjp", 1, "hvp", 1, "jacobian", 2, "hessian", 2);

    private static final JsonMapper TENSORS = JsonMapper.builder().addModule(ArrayForm.module()).build();

    private OpenApiExamples() {
    }

    /** Puts the example of each of {@code operation}'s responses that has one into its media types, in the form of each. */
    static void addTo(Operation operation) {
        Map<String, String> examples = BY_OPERATION.getOrDefault(operation.getOperationId(), Map.of());
        examples.forEach((status, json) -> {
            ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(status);
            if (response == null || response.getContent() == null) {
                throw new IllegalStateException("no response " + status + " with a body for " + operation.getOperationId());
            }
            boolean ok = status.equals("200") || status.equals("201");
            // the media types may share one object: each gets its own, with the example in its form
            response.getContent().replaceAll((type, media) -> new MediaType().schema(media.getSchema())
                    .examples(media.getExamples() == null ? null : new LinkedHashMap<>(media.getExamples()))
                    .addExamples(ok ? "ok" : "problem", new Example()
                            .value(parse(ok && type.equals(ArrayForm.JSON_BASE64_VALUE) ? binaryForm(json) : json))));
        });
    }

    /**
     * The response {@code json} as {@code application/json+base64} gives it: every value (the
     * fields {@link #VALUE_FIELDS} name, also inside {@code results}) a binary array, written by
     * the service's own serializer.
     */
    private static String binaryForm(String json) {
        ObjectNode body = (ObjectNode) TENSORS.readTree(json);
        List<JsonNode> results = new ArrayList<>();
        body.path("results").forEach(results::add);
        results.add(body);
        for (JsonNode result : results) {
            VALUE_FIELDS.forEach((field, depth) -> {
                if (result.has(field)) {
                    ((ObjectNode) result).set(field, binaryValues(result.get(field), depth));
                }
            });
        }
        return TENSORS.writeValueAsString(body);
    }

    /** {@code node} with the values {@code depth} levels of names down as binary arrays. */
    private static JsonNode binaryValues(JsonNode node, int depth) {
        if (depth == 0) {
            return TENSORS.readTree(ArrayForm.binary(TENSORS.writer()).writeValueAsString(Values.fromJson(node, "")));
        }
        ObjectNode out = TENSORS.createObjectNode();
        node.properties().forEach(e -> out.set(e.getKey(), binaryValues(e.getValue(), depth - 1)));
        return out;
    }

    private static Object parse(String json) {
        try {
            return Json.mapper().readValue(json, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an OpenAPI example is not JSON: " + json, e);
        }
    }
}
