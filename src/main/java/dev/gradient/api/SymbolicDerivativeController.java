package dev.gradient.api;

import dev.gradient.cache.CompiledCache;
import dev.gradient.config.GradientLimits;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.Json;
import dev.gradient.parse.Values;
import dev.gradient.symbolic.DerivativeFormula;
import dev.gradient.symbolic.SymbolicDerivatives;
import dev.gradient.tensor.Shape;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /derivative}: reads the function, the input shapes and what to differentiate,
 * compiles the function for those shapes, and hands it to {@link SymbolicDerivatives}, which
 * writes the derivative as a graph, as let-style expressions and as C source.
 */
@RestController
@Tag(name = "derivatives")
class SymbolicDerivativeController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final List<String> KINDS = List.of("gradient", "jacobian", "hessianRow");

    private final Sources sources;
    private final CompiledCache compiled;
    private final SymbolicDerivatives derivatives;
    private final EngineRegistry engines;
    private final GradientLimits limits;
    private final WorkInFlight work;

    SymbolicDerivativeController(Sources sources, CompiledCache compiled, SymbolicDerivatives derivatives,
            EngineRegistry engines, GradientLimits limits, WorkInFlight work) {
        this.sources = sources;
        this.compiled = compiled;
        this.derivatives = derivatives;
        this.engines = engines;
        this.limits = limits;
        this.work = work;
    }

    @Operation(summary = "The derivative as a formula", description = "The gradient of a scalar output (or the"
            + " Jacobian of an output, or one row of the Hessian), with no point: as a graph in the contract's JSON form"
            + " (registrable and evaluable like any graph), as expressions with let-style bindings (each shared"
            + " subexpression named once) and as C source (void derivative(const double *in, double *out), scalars only)."
            + " Built from reverse mode's adjoint graph, with constants folded and x*1, x+0, x-0, x/1 removed where exact"
            + " (0*x is kept: it is NaN for an infinite x). nodeCounts compares the function, the derivative with sharing"
            + " and the fully expanded formula (counted, not built).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = SymbolicSchemas.DerivativeRequest.class), examples = {
                    @ExampleObject(name = "survey", value = "{\"expression\": \"log(x1) + x1*x2 - sin(x2)\"}"),
                    @ExampleObject(name = "hessian row", value = "{\"expression\": \"x*y*z + sin(x*y)\","
                            + " \"derivative\": \"hessianRow\", \"row\": \"x\"}")}))
    @ApiResponse(responseCode = "200", description = "The formula, in the forms asked for.", content = @Content(
            mediaType = JSON, schema = @Schema(implementation = DerivativeFormula.class), examples = @ExampleObject(
                    name = "x * y", value = """
                    {"graphId": "…", "derivative": "gradient", "output": "f", "wrt": ["x", "y"], "outputs": ["d_x", "d_y"],
                     "graph": {"inputs": [{"name": "x", "shape": []}, {"name": "y", "shape": []}],
                               "nodes": [{"id": "d_x", "op": "identity", "args": ["y"]},
                                         {"id": "d_y", "op": "identity", "args": ["x"]}],
                               "outputs": ["d_x", "d_y"]},
                     "expression": {"text": "d_x = y\nd_y = x\n",
                                    "graph": {"inputs": [{"name": "x", "shape": []}, {"name": "y", "shape": []}],
                                              "nodes": [{"id": "d_x", "expr": "y"}, {"id": "d_y", "expr": "x"}],
                                              "outputs": ["d_x", "d_y"]}},
                     "c": {"function": "derivative", "source": "#include <math.h>\n…\nvoid derivative(const double *in,\
                     double *out) {\n    const double v0 = in[0];\n    const double v1 = in[1];\n    out[0] = v1;\n\
                        out[1] = v0;\n}\n"},
                     "nodeCounts": {"function": 3, "functionExpanded": 3.0, "derivative": 2, "expanded": 2.0}}""")))
    @PostMapping(path = "/derivative", consumes = JSON, produces = JSON)
    DerivativeFormula derivative(@RequestBody Body<SymbolicSchemas.DerivativeRequest> body) {
        body.checkFields();
        String kind = kind(body.get("derivative"));
        Set<String> forms = forms(body.get("forms"));
        ParsedGraph parsed = sources.resolve(body);
        Compiled f = compiled.get(parsed, InputShapes.read(parsed.graph(), body.get(InputShapes.FIELD), limits.maxElements(),
                SymbolicDerivativeController::shape, (name, fieldGiven) -> Shape.SCALAR));
        // no points: the invocation only reads the fields that name inputs and outputs
        Invocation call = new Invocation(parsed, List.of(), false, false, engines, limits, work);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        int output = call.scalarOutput(body.get("output"), "/derivative");
        int row = -1;
        if (kind.equals("hessianRow")) {
            row = row(body.get("row"), call, f);
        } else if (body.present("row")) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "'row' is for the derivative \"hessianRow\" only", "/row");
        }
        int[] wrtIndices = wrt.stream().mapToInt(name -> f.inputIndex().get(name)).toArray();
        int outputIndex = f.outputNames().indexOf(call.outputNames().get(output));
        return derivatives.derive(parsed.id(), f, new SymbolicDerivatives.Request(kind, outputIndex, wrtIndices, row, forms));
    }

    private static String kind(JsonNode field) {
        if (field == null || field.isNull()) {
            return "gradient";
        }
        String kind = Json.string(field, "/derivative");
        if (!KINDS.contains(kind)) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected one of " + KINDS + " but was "
                    + Values.describe(field) + " at /derivative", "/derivative");
        }
        return kind;
    }

    /** The forms asked for; {@code null} where the request does not say (every form that fits). */
    private static Set<String> forms(JsonNode field) {
        if (field == null || field.isNull()) {
            return null;
        }
        List<String> forms = Json.strings(field, "/forms");
        for (int i = 0; i < forms.size(); i++) {
            if (!SymbolicDerivatives.FORMS.contains(forms.get(i))) {
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected one of " + SymbolicDerivatives.FORMS
                        + " but was \"" + forms.get(i) + "\" at /forms/" + i, Pointer.child("/forms", i));
            }
        }
        return new LinkedHashSet<>(forms);
    }

    private static Shape shape(JsonNode node, String pointer) {
        Json.array(node, pointer);
        if (node.size() > 8) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a shape of at most 8 axes at " + pointer, pointer);
        }
        int[] dims = new int[node.size()];
        for (int k = 0; k < dims.length; k++) {
            JsonNode d = node.get(k);
            if (!d.isInt() || d.asInt() < 0) {
                String where = Pointer.child(pointer, k);
                throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a non-negative integer extent but was "
                        + Values.describe(d) + " at " + where, where);
            }
            dims[k] = d.asInt();
        }
        return Shape.of(dims);
    }

    private static int row(JsonNode field, Invocation call, Compiled f) {
        if (field == null || field.isNull()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "The derivative \"hessianRow\" needs 'row': the input"
                    + " whose row it is", "");
        }
        String name = Json.string(field, "/row");
        if (!call.isInput(name)) {
            throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its inputs are "
                    + Invocation.abbreviated(call.inputNames()), Origin.at("/row"));
        }
        int index = f.inputIndex().get(name);
        Shape shape = f.graph().shape(f.graph().inputs().get(index));
        if (!shape.isScalar()) {
            throw new GradientException(ErrorCode.NOT_SCALAR, "the row input '" + name + "' has shape " + shape + "; a Hessian"
                    + " row is of a scalar input", Origin.at("/row"));
        }
        return index;
    }
}
