package dev.gradient.api;

import dev.gradient.api.CheckResponses.CheckResponse;
import dev.gradient.api.CheckResponses.CheckResult;
import dev.gradient.engine.Cost;
import dev.gradient.engine.CostModel;
import dev.gradient.engine.Engine;
import dev.gradient.engine.Evaluation;
import dev.gradient.engine.GradientCheck;
import dev.gradient.engine.Product;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.parse.Json;
import dev.gradient.parse.Values;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /check}: a gradient check, like {@code torch.autograd.gradcheck} and JAX's
 * {@code check_grads}. Every AD engine's Jacobian is compared with the numeric engine's
 * ({@link GradientCheck}); the request's cost, all engines together, is admitted before any
 * point runs.
 */
@RestController
@Tag(name = "derivatives")
class CheckController {

    /** PyTorch gradcheck's defaults, for its rule |a - n| <= atol + rtol |n|. */
    static final double DEFAULT_ATOL = 1e-5;
    static final double DEFAULT_RTOL = 1e-3;

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Requests requests;
    private final GradientCheck check;

    CheckController(Requests requests, GradientCheck check) {
        this.requests = requests;
        this.check = check;
    }

    @Operation(summary = "Check the derivatives against numeric ones", description = "A gradient check, like PyTorch's"
            + " torch.autograd.gradcheck and JAX's check_grads: the Jacobian of every output by the wrt inputs, by each AD"
            + " engine (forward, reverse), is compared entry by entry with the numeric engine's, and an entry a agrees"
            + " with the numeric n where |a - n| <= atol + rtol * |n| (PyTorch's rule; defaults atol 1e-5, rtol 1e-3,"
            + " PyTorch's). An entry where both are the same non-finite value (both NaN, or the same infinity) agrees;"
            + " any other entry with a non-finite side disagrees, and counts as an infinite difference. Reported per"
            + " engine and per input: the largest absolute and relative difference, how many entries disagree, and the"
            + " first " + GradientCheck.LISTED + " of them. The numeric engine is good to about 1e-12 relative where the"
            + " function is smooth within a step (about 7.4e-4 * max(1, |x|)) of the point, and meaningless at kinks,"
            + " where branches switch, and at singularities: check at points away from them. There is no \"engine\":"
            + " every AD engine runs.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.CheckRequest.class), examples = {
                    @ExampleObject(name = "expression", value = "{\"expression\": \"x^2 * sin(y)\","
                            + " \"at\": {\"x\": 3, \"y\": 0.5}}"),
                    @ExampleObject(name = "tolerances", value = "{\"expression\": [\"r * cos(t)\", \"r * sin(t)\"],"
                            + " \"points\": [{\"r\": 2, \"t\": 0.5}, {\"r\": 1, \"t\": -1}], \"atol\": 1e-9,"
                            + " \"rtol\": 1e-7}")}))
    @PostMapping(path = "/check", consumes = JSON, produces = JSON)
    CheckResponse check(@RequestBody Body<RequestSchemas.CheckRequest> body) {
        if (body.isObject() && body.present("engine")) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "/check takes no 'engine': it checks every AD engine against the numeric one",
                    "/engine");
        }
        Invocation call = requests.prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        GradientCheck.Tolerance tolerance = new GradientCheck.Tolerance(
                tolerance(body.get("atol"), "/atol", DEFAULT_ATOL), tolerance(body.get("rtol"), "/rtol", DEFAULT_RTOL));
        List<Engine> engines = check.engines();
        call.admit(p -> {
            // every engine's Jacobian; the report holds a few numbers per engine and input
            long work = 0;
            for (Engine engine : engines) {
                work = Cost.add(work,
                        CostModel.estimate(Product.JACOBIAN, engine, p.compiled(), p.inputIndices(wrt)).elementOperations());
            }
            return new Cost(work, 1 + engines.size() * (1 + 3L * wrt.size() + 2L * GradientCheck.LISTED));
        });
        List<CheckResult> results = call.map(p -> CheckResult.of(
                check.check(new Evaluation(p.compiled(), p.arguments()), p.inputIndices(wrt), tolerance), p, wrt));
        return CheckResponse.of(call, check.reference().name(), tolerance, results);
    }

    /** The tolerance at {@code node}: a finite JSON number, not negative; {@code fallback} where absent. */
    private static double tolerance(JsonNode node, String pointer, double fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw Json.expected("a number >= 0", node, pointer);
        }
        double value = Values.number(node, pointer);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a finite number >= 0 but was " + node + " at " + pointer, pointer);
        }
        return value;
    }
}
