package dev.gradient.api;

import dev.gradient.engine.CostModel;
import dev.gradient.engine.Engine;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.engine.Product;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.parse.Json;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import dev.gradient.trace.EvaluationTrace;
import dev.gradient.trace.EvaluationTraces;
import dev.gradient.trace.TraceProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /trace}: reads one point, a tangent and how much of each value to show, and hands
 * the compiled function to {@link EvaluationTraces}, which builds the primal, tangent and adjoint
 * tables from the engines' own sweeps.
 */
@RestController
@Tag(name = "derivatives")
class TraceController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Requests requests;
    private final EvaluationTraces traces;
    private final TraceProperties limits;
    private final EngineRegistry engines;

    TraceController(Requests requests, EvaluationTraces traces, TraceProperties limits, EngineRegistry engines) {
        this.requests = requests;
        this.traces = traces;
        this.limits = limits;
        this.engines = engines;
    }

    @Operation(summary = "The evaluation trace at one point", description = "The forward primal trace (a row per step"
            + " v_i = op(v_j, ...), the inputs numbered v_{1-n} ... v_0 as in Baydin et al.'s survey), the forward tangent"
            + " trace for 'tangent' (default: the first input's unit vector) and the reverse adjoint trace of a scalar output"
            + " (rows in reverse order, each adjoint with its contributions). The numbers are the forward and reverse engines'"
            + " own. Values with more than 'maxElements' elements (default 8) show their first elements only. A function of"
            + " more than gradient.trace.max-nodes nodes is a 413.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = SymbolicSchemas.TraceRequest.class), examples = {
                    @ExampleObject(name = "survey", value = "{\"expression\": \"log(x1) + x1*x2 - sin(x2)\","
                            + " \"at\": {\"x1\": 2, \"x2\": 5}}")}))
    @ApiResponse(responseCode = "200", description = "The trace.", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = EvaluationTrace.class), examples = @ExampleObject(name = "sin at 0", value = """
                    {"graphId": "…", "output": "f",
                     "primal": [{"name": "v0", "node": "x", "kind": "input", "text": "v0 = x", "shape": [], "value": 0.0},
                                {"name": "v1", "node": "f", "kind": "op", "op": "sin", "args": ["v0"], "text": "v1 = sin(v0)",
                                 "shape": [], "value": 0.0}],
                     "tangent": {"direction": {"x": 1.0}, "rows": [{"name": "v̇0", "of": "v0", "value": 1.0},
                                                                   {"name": "v̇1", "of": "v1", "value": 1.0}]},
                     "adjoint": {"seed": 1.0, "rows": [
                         {"name": "v̄1", "of": "v1", "text": "v̄1 = seed", "contributions": [], "value": 1.0},
                         {"name": "v̄0", "of": "v0", "text": "v̄0 = v̄1 ∂v1/∂v0", "contributions": [{"from": "v1", "value": 1.0}],
                          "value": 1.0}]},
                     "jvp": 1.0, "gradient": {"x": 1.0}}""")))
    @PostMapping(path = "/trace", consumes = JSON, produces = JSON)
    EvaluationTrace trace(@RequestBody JsonNode body) {
        if (Requests.present(body, "points")) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "A trace is of one point: give 'at', not 'points'", "/points");
        }
        Invocation call = requests.prepare(body, Set.of("output", "tangent", "maxElements"));
        int output = call.scalarOutput(body.get("output"), "/trace");
        Point point = call.first();
        traces.checkSize(point.compiled());
        Tensor[] tangents = tangents(body.get("tangent"), point);
        int shown = shownElements(body.get("maxElements"));
        int[] all = point.inputIndices(call.inputNames());
        Engine forward = engines.find("forward").orElseThrow();
        Engine reverse = engines.find("reverse").orElseThrow();
        call.admit(p -> CostModel.estimate(Product.JVP, forward, p.compiled(), all)
                .plus(CostModel.estimate(Product.GRADIENT, reverse, p.compiled(), all, output)));
        return traces.trace(call.graphId(), point.compiled(), point.arguments(), tangents, output, Tensor.scalar(1.0), shown);
    }

    /** The input tangents, in argument order: those the {@code tangent} field names, zero for the rest; by default the first input's unit vector. */
    private Tensor[] tangents(JsonNode field, Point point) {
        List<String> names = point.compiled().inputNames();
        Tensor[] tangents = new Tensor[names.size()];
        if (field == null || field.isNull()) {
            if (!names.isEmpty()) {
                tangents[0] = Tensor.unit(point.inputShape(names.get(0)), 0);
            }
            return tangents;
        }
        Json.object(field, "/tangent");
        for (String name : field.propertyNames()) {
            String where = Pointer.child("/tangent", name);
            if (!names.contains(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its inputs are "
                        + Invocation.abbreviated(names), Origin.at(where));
            }
            Tensor value = requests.value(field.get(name), where);
            Shape expected = point.inputShape(name);
            if (!value.shape().equals(expected)) {
                throw new GradientException(ErrorCode.SHAPE_MISMATCH, "the tangent at " + where + " has shape " + value.shape()
                        + " but the input '" + name + "' has shape " + expected, Origin.at(where));
            }
            tangents[point.inputIndex(name)] = value;
        }
        return tangents;
    }

    private int shownElements(JsonNode field) {
        if (field == null || field.isNull()) {
            return Math.min(limits.defaultShownElements(), limits.maxShownElements());
        }
        if (!field.isInt() || field.asInt() < 1 || field.asInt() > limits.maxShownElements()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an integer from 1 to " + limits.maxShownElements()
                    + " (gradient.trace.max-shown-elements) at /maxElements", "/maxElements");
        }
        return field.asInt();
    }
}
