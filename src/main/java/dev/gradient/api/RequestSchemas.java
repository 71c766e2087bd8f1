package dev.gradient.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The request bodies: one description of each request that serves both the OpenAPI document
 * and the streaming reader. The document is generated from these records; the reader
 * ({@link BodyReader}) takes its field table from them ({@link RequestForm}): a request may have
 * exactly its record's components, read as their {@code @Schema} reference or type says
 * ({@link FieldKind}), and required where {@code requiredMode} says so. No record is ever
 * instantiated: the reader keeps what it read in a {@link Body}, so that every error still
 * names its JSON Pointer and comes in the order the checks run.
 */
final class RequestSchemas {

    static final String VALUE = Responses.VALUE;
    static final String NAMED_VALUES = Responses.NAMED_VALUES;
    static final String EXPRESSION = "#/components/schemas/Expression";
    static final String POINTS = "#/components/schemas/Points";

    private static final String EXPRESSION_DOC = "A function as an expression, or an array of scalar expressions (a vector"
            + " function); exactly one of expression, graph and graphId.";
    private static final String GRAPH_DOC = "A function as a graph; exactly one of expression, graph and graphId.";
    private static final String GRAPH_ID_DOC = "The id of a graph registered with POST /graphs; exactly one of expression,"
            + " graph and graphId.";
    private static final String AT_DOC = "The point: every input's name mapped to its value. Exactly one of at and points.";
    private static final String POINTS_DOC = "A batch: an array of points, each like at; or columnar, an object mapping"
            + " every input to one array whose first axis runs over the points. Exactly one of at and points.";
    private static final String WRT_DOC = "The inputs to differentiate by, in this order; default: every input in input order.";
    private static final String ENGINE_DOC = "\"auto\" (the default), or an engine that GET /engines lists.";
    private static final String SHAPES_DOC = "The shape of every input that the graph does not declare, by name: the"
            + " pattern needs shapes but no values.";

    private RequestSchemas() {
    }

    /** A declared input of a graph. */
    @Schema(name = "GraphInput")
    record InputSpec(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "x") String name,
            @Schema(description = "Its shape; where absent, the input takes the shape of the value it is given.",
                    example = "[3]") List<Integer> shape) {
    }

    /** A node of a graph: exactly one of op, const and expr. */
    @Schema(name = "GraphNode", description = "Exactly one of op (with args, and attrs where the op takes them), const"
            + " and expr.")
    record NodeSpec(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "t1") String id,
            @Schema(description = "An op that GET /ops lists.", example = "mul") String op,
            @Schema(description = "The ids of nodes or names of inputs it applies to.") List<String> args,
            @Schema(description = "The op's attributes, like {\"axis\": 0}.") Map<String, Object> attrs,
            @JsonProperty("const") @Schema(ref = VALUE, description = "A constant value.") Object constValue,
            @Schema(description = "An expression that may name inputs and other node ids.", example = "tanh(t1 * c)")
            String expr) {
    }

    /** A function as a graph. */
    @Schema(name = "Graph", description = "Node order is free; inputs are optional (without them, the inputs are the"
            + " names that nodes use but no node defines, in order of first use).")
    record GraphSpec(
            @ArraySchema(arraySchema = @Schema(description = "The inputs' order and, where given, their shapes."))
            List<InputSpec> inputs,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<NodeSpec> nodes,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Node ids or"
                    + " input names, in the order results are reported."), minItems = 1) List<String> outputs,
            @ArraySchema(arraySchema = @Schema(description = "Beyond the contract, optional: the names results are"
                    + " reported under, one per output, where they differ from the outputs' ids. The canonical form"
                    + " of an expression that reads an input called f uses it, since its output is also called f."))
            List<String> outputNames) {
    }

    /** The body of {@code POST /evaluate}. */
    record EvaluateRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @Schema(description = ENGINE_DOC + " Every engine evaluates with the same primal sweep.",
                    defaultValue = "auto") String engine) {
    }

    /** The body of {@code POST /gradient}. */
    record GradientRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = ENGINE_DOC, defaultValue = "auto") String engine,
            @Schema(description = "Which output to differentiate; required where the function has several. It must be"
                    + " a scalar.") String output) {
    }

    /** The body of {@code POST /jacobian}. */
    record JacobianRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = ENGINE_DOC, defaultValue = "auto") String engine,
            @Schema(description = "\"matrix\" adds the Jacobian as one 2-D matrix with row and column labels;"
                    + " \"sparse\" gives only its structural nonzeros (COO, with the same labels) instead of the nested"
                    + " blocks, computed by colouring: one product per colour.",
                    allowableValues = {"nested", "matrix", "sparse"}, defaultValue = "nested") String format) {
    }

    /** The body of {@code POST /hessian}. */
    record HessianRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = ENGINE_DOC + " The engine differentiates the reverse-mode gradient again, so \"forward\""
                    + " is forward over reverse; \"auto\" picks it. \"numeric\" takes differences of the exact gradient.",
                    defaultValue = "auto") String engine,
            @Schema(description = "Which output to differentiate; required where the function has several. It must be"
                    + " a scalar.") String output,
            @Schema(description = "\"sparse\" gives only the Hessian's structural nonzeros (COO over the flattened wrt"
                    + " inputs, with row and column labels) instead of the nested blocks, computed by star colouring: one"
                    + " Hessian-vector product per colour.", allowableValues = {"nested", "sparse"},
                    defaultValue = "nested") String format) {
    }

    /** The body of {@code POST /hvp}. */
    record HvpRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = ENGINE_DOC + " \"forward\" is forward over reverse (a JVP of the gradient), which"
                    + " \"auto\" picks; \"reverse\" is reverse over reverse; \"numeric\" takes differences of the exact"
                    + " gradient.", defaultValue = "auto") String engine,
            @Schema(description = "Which output to differentiate; required where the function has several. It must be"
                    + " a scalar.") String output,
            @Schema(ref = NAMED_VALUES, requiredMode = Schema.RequiredMode.REQUIRED, description = "A tangent for every wrt"
                    + " input, of that input's shape; the same tangent applies to every point of a batch.")
            Map<String, Object> tangent) {
    }

    /** The body of {@code POST /jacobian/sparsity}. */
    record JacobianSparsityRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(description = SHAPES_DOC, example = "{\"x\": [100]}") Map<String, List<Integer>> shapes,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt) {
    }

    /** The body of {@code POST /hessian/sparsity}. */
    record HessianSparsityRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(description = SHAPES_DOC, example = "{\"x\": [100]}") Map<String, List<Integer>> shapes,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = "Which output to differentiate; required where the function has several. It must be"
                    + " a scalar.") String output) {
    }

    /** The body of {@code POST /jvp}. */
    record JvpRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = "The inputs the tangent is given for; default: the"
                    + " tangent's names, in its order. Where given, the tangent must name exactly these.")) List<String> wrt,
            @Schema(description = ENGINE_DOC + " \"auto\" picks forward mode, whose native product this is.",
                    defaultValue = "auto") String engine,
            @Schema(ref = NAMED_VALUES, requiredMode = Schema.RequiredMode.REQUIRED, description = "A tangent for each wrt"
                    + " input, of that input's shape; the same tangent applies to every point of a batch.")
            Map<String, Object> tangent) {
    }

    /** The body of {@code POST /vjp}. */
    record VjpRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = ENGINE_DOC + " \"auto\" picks reverse mode, whose native product this is.",
                    defaultValue = "auto") String engine,
            @Schema(ref = NAMED_VALUES, requiredMode = Schema.RequiredMode.REQUIRED, description = "A cotangent for every"
                    + " output, of that output's shape; the same cotangent applies to every point of a batch.")
            Map<String, Object> cotangent) {
    }

    /** The body of {@code POST /check}. */
    record CheckRequest(
            @Schema(ref = EXPRESSION, description = EXPRESSION_DOC) Object expression,
            @Schema(description = GRAPH_DOC) GraphSpec graph,
            @Schema(description = GRAPH_ID_DOC) String graphId,
            @Schema(ref = NAMED_VALUES, description = AT_DOC) Map<String, Object> at,
            @Schema(ref = POINTS, description = POINTS_DOC) Object points,
            @ArraySchema(arraySchema = @Schema(description = WRT_DOC)) List<String> wrt,
            @Schema(description = "The absolute tolerance of the rule |a - n| <= atol + rtol * |n|: a finite number >= 0.",
                    defaultValue = "1e-5", example = "1e-5") Double atol,
            @Schema(description = "The relative tolerance of the same rule: a finite number >= 0.", defaultValue = "1e-3",
                    example = "1e-3") Double rtol) {
    }

    /** The body of {@code POST /graphs}. */
    record RegisterRequest(
            @Schema(ref = EXPRESSION, description = "A function as an expression; exactly one of expression and graph.")
            Object expression,
            @Schema(description = "A function as a graph; exactly one of expression and graph.") GraphSpec graph) {
    }
}
