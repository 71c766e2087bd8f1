package dev.gradient.api;

import dev.gradient.api.Responses.EvaluateResponse;
import dev.gradient.api.Responses.EvaluateResult;
import dev.gradient.api.Responses.GradientResponse;
import dev.gradient.api.Responses.GradientResult;
import dev.gradient.api.Responses.HessianResponse;
import dev.gradient.api.Responses.HessianResult;
import dev.gradient.api.Responses.JacobianResponse;
import dev.gradient.api.Responses.JacobianResult;
import dev.gradient.api.Responses.JvpResponse;
import dev.gradient.api.Responses.JvpResult;
import dev.gradient.api.Responses.VjpResponse;
import dev.gradient.api.Responses.VjpResult;
import dev.gradient.engine.Cost;
import dev.gradient.engine.CostModel;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Engine;
import dev.gradient.engine.Evaluation;
import dev.gradient.engine.HessianVectorProducts;
import dev.gradient.engine.Product;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.parse.Json;
import dev.gradient.parse.ReadValue;
import dev.gradient.parse.Values;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /evaluate}, {@code /gradient}, {@code /jacobian}, {@code /hessian}, {@code /hvp},
 * {@code /jvp} and {@code /vjp}: each reads its request into an {@link Invocation}, picks the engine,
 * checks the request's cost and result size, and runs {@link Derivatives} at every point.
 */
@RestController
@Tag(name = "derivatives", description = "Values and exact derivatives of a function at one point or a batch of points.")
class DerivativeController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String JSON_BASE64 = ArrayForm.JSON_BASE64_VALUE;
    private static final String CBOR = MediaType.APPLICATION_CBOR_VALUE;

    private final Requests requests;
    private final Derivatives derivatives;
    private final SparseProducts sparse;
    private final HessianVectorProducts hvp;

    DerivativeController(Requests requests, Derivatives derivatives, SparseProducts sparse, HessianVectorProducts hvp) {
        this.requests = requests;
        this.derivatives = derivatives;
        this.sparse = sparse;
        this.hvp = hvp;
    }

    @Operation(summary = "The value of every output", description = "Evaluates the function at each point. Domain"
            + " errors follow IEEE-754: log(-1) is \"NaN\", 1/0 is \"Infinity\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.EvaluateRequest.class), examples = {
                    @ExampleObject(name = "expression", value = "{\"expression\": \"x * sin(y)\", \"at\": {\"x\": 2, \"y\": 0.5}}"),
                    @ExampleObject(name = "batch", value = "{\"expression\": \"exp(x)\", \"points\": [{\"x\": 0}, {\"x\": 1}]}")}))
    @PostMapping(path = "/evaluate", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    EvaluateResponse evaluate(@RequestBody Body<RequestSchemas.EvaluateRequest> body) {
        Invocation call = requests.prepare(body);
        // every engine evaluates with the same primal sweep; "auto" reports the forward engine, which does no more than that
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.EVALUATE, p, List.of()));
        call.admit(p -> CostModel.estimate(Product.EVALUATE, engine, p.compiled(), new int[0]));
        List<EvaluateResult> results = call.map(p ->
                new EvaluateResult(Results.named(p.outputNames(), derivatives.evaluate(p.compiled(), p.arguments()))));
        return EvaluateResponse.of(call, engine.name(), results);
    }

    @Operation(summary = "The gradient of a scalar output", description = "The value of a scalar output and its"
            + " gradient by each wrt input, of that input's shape. A non-scalar output is a 422 (NOT_SCALAR): use"
            + " /jacobian. \"auto\" picks forward mode where the wrt inputs have fewer elements than the output (one),"
            + " else reverse mode.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.GradientRequest.class), examples = {
                    @ExampleObject(name = "expression", value = "{\"expression\": \"log(x1) + x1*x2 - sin(x2)\","
                            + " \"at\": {\"x1\": 2, \"x2\": 5}}"),
                    @ExampleObject(name = "graph", value = "{\"graph\": {\"inputs\": [{\"name\": \"x\", \"shape\": [3]}],"
                            + " \"nodes\": [{\"id\": \"s\", \"op\": \"sum\", \"args\": [\"x\"]}], \"outputs\": [\"s\"]},"
                            + " \"at\": {\"x\": [1, 2, 3]}, \"engine\": \"reverse\"}")}))
    @PostMapping(path = "/gradient", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    GradientResponse gradient(@RequestBody Body<RequestSchemas.GradientRequest> body) {
        Invocation call = requests.prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        int output = call.scalarOutput(body.get("output"), "/gradient");
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.GRADIENT, p, wrt));
        call.admit(p -> CostModel.estimate(Product.GRADIENT, engine, p.compiled(), p.inputIndices(wrt), output));
        Point first = call.first();
        List<GradientResult> results;
        if (call.batch() && call.sharesOneFunction()
                && derivatives.runsAsOneBatch(engine, first.compiled(), call.points().size())) {
            Tensor[][] points = call.points().stream().map(Point::arguments).toArray(Tensor[][]::new);
            results = Arrays.stream(derivatives.gradients(engine, first.compiled(), points, first.inputIndices(wrt), output))
                    .map(g -> gradientResult(wrt, g)).toList();
        } else {
            results = call.map(p -> gradientResult(wrt,
                    derivatives.gradient(engine, p.compiled(), p.arguments(), p.inputIndices(wrt), output)));
        }
        return GradientResponse.of(call, engine.name(), results);
    }

    private static GradientResult gradientResult(List<String> wrt, Derivatives.Gradient g) {
        return new GradientResult(g.value(), Results.named(wrt, g.gradient()));
    }

    @Operation(summary = "The Jacobian of every output", description = "jacobian[out][in] has shape out.shape +"
            + " in.shape, as JAX's jacfwd and jacrev give it. With format \"matrix\", also the 2-D matrix (rows: every"
            + " output's elements; columns: every wrt input's elements; row-major, in order) with its labels. \"auto\""
            + " picks forward mode where the wrt inputs have fewer elements than the outputs, else reverse mode.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.JacobianRequest.class), examples = {
                    @ExampleObject(name = "polar", value = "{\"expression\": [\"r * cos(t)\", \"r * sin(t)\"],"
                            + " \"at\": {\"r\": 2, \"t\": 0.5}, \"format\": \"matrix\"}")}))
    @PostMapping(path = "/jacobian", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    JacobianResponse jacobian(@RequestBody Body<RequestSchemas.JacobianRequest> body) {
        Invocation call = requests.prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        String format = format(body.get("format"), "nested", "matrix", "sparse");
        if (format.equals("sparse")) {
            Engine engine = sparse.jacobianEngine(call, body.get("engine"), wrt);
            return JacobianResponse.of(call, engine.name(), sparse.jacobian(call, engine, wrt));
        }
        boolean matrix = format.equals("matrix");
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.JACOBIAN, p, wrt));
        // the matrix format gives the Jacobian's numbers a second time
        admitDense(call, p -> CostModel.estimate(Product.JACOBIAN, engine, p.compiled(), p.inputIndices(wrt))
                .withMoreResults(matrix ? Cost.multiply(p.elements(wrt), p.outputElements()) : 0));
        List<JacobianResult> results = call.map(p -> {
            // one primal sweep serves the outputs and the derivative
            Evaluation at = new Evaluation(p.compiled(), p.arguments());
            Tensor[][] jacobian = derivatives.jacobian(engine, at, p.inputIndices(wrt));
            Map<String, Tensor> outputs = Results.named(p.outputNames(), at.outputs());
            Map<String, Map<String, Tensor>> nested = Results.named(p.outputNames(), wrt, jacobian);
            if (!matrix) {
                return new JacobianResult(outputs, nested, null, null, null, null);
            }
            Shape[] out = p.outputShapes();
            Shape[] in = wrt.stream().map(p::inputShape).toArray(Shape[]::new);
            return new JacobianResult(outputs, nested, Results.matrix(jacobian, out, in),
                    Results.labels(p.outputNames(), out), Results.labels(wrt, in), null);
        });
        return JacobianResponse.of(call, engine.name(), results);
    }

    @Operation(summary = "The Hessian of a scalar output", description = "Second derivatives: the engine"
            + " differentiates the reverse-mode gradient again, exactly for \"forward\" (forward over reverse, which"
            + " \"auto\" picks) and \"reverse\" (reverse over reverse); \"numeric\" takes central differences of that"
            + " exact gradient instead. hessian[in_i][in_j] has shape in_i.shape + in_j.shape and is symmetric up to"
            + " rounding (up to the numeric engine's error for \"numeric\"). The gradient is the engine's own, the"
            + " numbers /gradient gives with that engine.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.HessianRequest.class), examples = {
                    @ExampleObject(name = "expression", value = "{\"expression\": \"x*y*z + sin(x*y) + exp(y*z)\","
                            + " \"at\": {\"x\": 0.5, \"y\": -0.8, \"z\": 1.1}}")}))
    @PostMapping(path = "/hessian", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    HessianResponse hessian(@RequestBody Body<RequestSchemas.HessianRequest> body) {
        Invocation call = requests.prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        int output = call.scalarOutput(body.get("output"), "/hessian");
        boolean sparseFormat = format(body.get("format"), "nested", "sparse").equals("sparse");
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.HESSIAN, p, wrt));
        if (sparseFormat) {
            return HessianResponse.of(call, engine.name(), sparse.hessian(call, engine, wrt, output));
        }
        admitDense(call, p -> CostModel.estimate(Product.HESSIAN, engine, p.compiled(), p.inputIndices(wrt), output));
        List<HessianResult> results = call.map(p -> {
            Derivatives.Hessian h = derivatives.hessian(engine, p.compiled(), p.arguments(), p.inputIndices(wrt), output);
            return new HessianResult(h.value(), Results.named(wrt, h.gradient()),
                    Results.named(wrt, wrt, h.hessian()), null, null, null);
        });
        return HessianResponse.of(call, engine.name(), results);
    }

    @Operation(summary = "A Hessian-vector product", description = "The Hessian of a scalar output times a tangent of"
            + " the wrt inputs, without the Hessian: one sweep over the gradient program, whatever the number of inputs, so"
            + " its cost is a small constant times a gradient's. Also the value and the gradient, which the product"
            + " computes on the way. What SciPy's Newton-CG, trust-ncg and trust-krylov take as hessp.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.HvpRequest.class), examples = {
                    @ExampleObject(name = "chained Rosenbrock", value = "{\"expression\": \"sum(100*(x[1:] - x[:-1]^2)^2 +"
                            + " (1 - x[:-1])^2)\", \"at\": {\"x\": [0.5, 1.5, 2]}, \"tangent\": {\"x\": [1, 0, 0]}}")}))
    @PostMapping(path = "/hvp", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    SparseResponses.HvpResponse hvp(@RequestBody Body<RequestSchemas.HvpRequest> body) {
        Invocation call = requests.prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        int output = call.scalarOutput(body.get("output"), "/hvp");
        NamedValues tangentField = required(body, "tangent").requireObject("/tangent");
        for (String name : tangentField.names()) {
            if (!wrt.contains(name)) {
                String why = call.isInput(name) ? "is not among the wrt inputs " + Invocation.abbreviated(wrt)
                        : "is not an input of the function; its inputs are " + Invocation.abbreviated(call.inputNames());
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "the tangent names '" + name + "', which " + why,
                        Origin.at(Pointer.child("/tangent", name)));
            }
        }
        Tensor[] tangent = namedValues(tangentField, "/tangent", wrt, ErrorCode.MISSING_TANGENT, "tangent for the input");
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.HESSIAN, p, wrt));
        for (Point p : call.points()) {
            for (int j = 0; j < wrt.size(); j++) {
                checkShape(tangent[j], p.inputShape(wrt.get(j)), "/tangent", wrt.get(j), "input", p);
            }
        }
        call.admit(p -> HessianVectorProducts.estimate(engine, p.compiled(), p.inputIndices(wrt), output, 1));
        List<SparseResponses.HvpResult> results = call.map(p -> {
            HessianVectorProducts.Result r = hvp.hvp(engine, p.compiled(), p.arguments(), p.inputIndices(wrt), output,
                    new Tensor[][] {tangent});
            return new SparseResponses.HvpResult(r.value(), Results.named(wrt, r.gradient()), Results.named(wrt, r.products()[0]));
        });
        return SparseResponses.HvpResponse.of(call, engine.name(), results);
    }

    @Operation(summary = "A Jacobian-vector product", description = "The tangent of every output for a tangent of"
            + " the wrt inputs (default: the tangent's names). \"auto\" picks forward mode, whose native product"
            + " this is: one sweep, whatever the sizes.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.JvpRequest.class), examples = {
                    @ExampleObject(name = "polar", value = "{\"expression\": [\"r * cos(t)\", \"r * sin(t)\"],"
                            + " \"at\": {\"r\": 2, \"t\": 0.5}, \"tangent\": {\"r\": 1, \"t\": 0}}")}))
    @PostMapping(path = "/jvp", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    JvpResponse jvp(@RequestBody Body<RequestSchemas.JvpRequest> body) {
        Invocation call = requests.prepare(body);
        NamedValues tangentField = required(body, "tangent").requireObject("/tangent");
        List<String> tangentNames = tangentField.names();
        for (String name : tangentNames) {
            if (!call.isInput(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an input of the function; its inputs are "
                        + Invocation.abbreviated(call.inputNames()), Origin.at(Pointer.child("/tangent", name)));
            }
        }
        List<String> wrt = call.wrt(body.get("wrt"), tangentNames);
        Set<String> wrtSet = Set.copyOf(wrt);
        for (String name : tangentNames) {
            if (!wrtSet.contains(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "the tangent names '" + name + "', which is not among /wrt "
                        + wrt, Origin.at(Pointer.child("/tangent", name)));
            }
        }
        Tensor[] tangent = namedValues(tangentField, "/tangent", wrt, ErrorCode.MISSING_TANGENT, "tangent for the input");
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.JVP, p, wrt));
        for (Point p : call.points()) {
            for (int j = 0; j < wrt.size(); j++) {
                checkShape(tangent[j], p.inputShape(wrt.get(j)), "/tangent", wrt.get(j), "input", p);
            }
        }
        call.admit(p -> CostModel.estimate(Product.JVP, engine, p.compiled(), p.inputIndices(wrt)));
        List<JvpResult> results = call.map(p -> {
            Evaluation at = new Evaluation(p.compiled(), p.arguments());
            Tensor[] jvp = derivatives.jvp(engine, at, p.inputIndices(wrt), tangent);
            Tensor[] outputs = at.outputs();
            return new JvpResult(Results.named(p.outputNames(), outputs), Results.named(p.outputNames(), jvp));
        });
        return JvpResponse.of(call, engine.name(), results);
    }

    @Operation(summary = "A vector-Jacobian product", description = "The cotangent of every wrt input for a"
            + " cotangent of every output. \"auto\" picks reverse mode, whose native product this is: one sweep,"
            + " whatever the sizes.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.VjpRequest.class), examples = {
                    @ExampleObject(name = "sum of squares", value = "{\"expression\": \"sum(x * x)\","
                            + " \"at\": {\"x\": [1, 2, 3]}, \"cotangent\": {\"f\": 2}}")}))
    @PostMapping(path = "/vjp", consumes = {JSON, CBOR}, produces = {JSON, JSON_BASE64, CBOR})
    VjpResponse vjp(@RequestBody Body<RequestSchemas.VjpRequest> body) {
        Invocation call = requests.prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        NamedValues cotangentField = required(body, "cotangent").requireObject("/cotangent");
        Set<String> outputSet = Set.copyOf(call.outputNames());
        for (String name : cotangentField.names()) {
            if (!outputSet.contains(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + name + "' is not an output of the function; its outputs are "
                        + Invocation.abbreviated(call.outputNames()), Origin.at(Pointer.child("/cotangent", name)));
            }
        }
        Tensor[] cotangent = namedValues(cotangentField, "/cotangent", call.outputNames(), ErrorCode.MISSING_COTANGENT,
                "cotangent for the output");
        Engine engine = call.engine(body.get("engine"), p -> call.auto(Product.VJP, p, wrt));
        for (Point p : call.points()) {
            for (int k = 0; k < cotangent.length; k++) {
                checkShape(cotangent[k], p.outputShape(k), "/cotangent", p.outputNames().get(k), "output", p);
            }
        }
        call.admit(p -> CostModel.estimate(Product.VJP, engine, p.compiled(), p.inputIndices(wrt)));
        List<VjpResult> results = call.map(p -> {
            Evaluation at = new Evaluation(p.compiled(), p.arguments());
            Tensor[] vjp = derivatives.vjp(engine, at, p.inputIndices(wrt), cotangent);
            Tensor[] outputs = at.outputs();
            return new VjpResult(Results.named(p.outputNames(), outputs), Results.named(wrt, vjp));
        });
        return VjpResponse.of(call, engine.name(), results);
    }

    private static NamedValues required(Body<?> body, String field) {
        if (!body.present(field)) {
            throw Body.missing(field);
        }
        return body.values(field);
    }

    /** The {@code format} at {@code node}, one of {@code formats}; the first where absent. */
    private static String format(JsonNode node, String... formats) {
        if (node == null || node.isNull()) {
            return formats[0];
        }
        String format = Json.string(node, "/format");
        if (!Arrays.asList(formats).contains(format)) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected one of " + String.join(", ",
                    Arrays.stream(formats).map(f -> "\"" + f + "\"").toList()) + " but was " + Values.describe(node)
                    + " at /format", "/format");
        }
        return format;
    }

    /** Admits a dense result; where it is too large, the 413 says that the sparse format exists. */
    private static void admitDense(Invocation call, java.util.function.Function<Point, Cost> cost) {
        try {
            call.admit(cost);
        } catch (GradientException e) {
            if (e.code() != ErrorCode.LIMIT_EXCEEDED) {
                throw e;
            }
            throw e.withMessage(e.getMessage() + SparseProducts.SPARSE_HINT);
        }
    }

    /** The values of the object {@code field} for each of {@code names}, in that order; each must be present. */
    private static Tensor[] namedValues(NamedValues field, String pointer, List<String> names, ErrorCode missing, String what) {
        Tensor[] values = new Tensor[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ReadValue value = field.get(names.get(i));
            if (value == null) {
                throw new GradientException(missing, "no " + what + " '" + names.get(i) + "' at " + pointer,
                        Origin.at(pointer));
            }
            values[i] = value.get();
        }
        return values;
    }

    private static void checkShape(Tensor value, Shape expected, String pointer, String name, String what, Point p) {
        if (!value.shape().equals(expected)) {
            String where = Pointer.child(pointer, name);
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "the value at " + where + " has shape " + value.shape()
                    + " but the " + what + " '" + name + "' has shape " + expected + " at " + p.pointer(), Origin.at(where));
        }
    }
}
