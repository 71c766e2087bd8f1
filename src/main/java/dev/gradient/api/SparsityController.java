package dev.gradient.api;

import dev.gradient.api.SparseResponses.HessianSparsityResponse;
import dev.gradient.api.SparseResponses.JacobianColours;
import dev.gradient.api.SparseResponses.JacobianSparsityResponse;
import dev.gradient.api.SparseResponses.PatternBody;
import dev.gradient.cache.CompiledCache;
import dev.gradient.config.GradientLimits;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.ShapeJson;
import dev.gradient.sparsity.Colourings;
import dev.gradient.sparsity.HessianSparsity;
import dev.gradient.sparsity.JacobianSparsity;
import dev.gradient.sparsity.SparsityPattern;
import dev.gradient.tensor.Shape;
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

/**
 * {@code POST /jacobian/sparsity} and {@code /hessian/sparsity}: the structural nonzeros of a
 * function's Jacobian or Hessian, from its graph alone. The inputs need shapes (declared by the
 * graph, or given in {@code shapes}) but no values; index sets are propagated through every op
 * ({@link JacobianSparsity}, {@link HessianSparsity}) and the work is bounded by {@code
 * max-cost} before it runs. Each answer also says how many products the sparse format would
 * take: the colours of the pattern.
 */
@RestController
@Tag(name = "derivatives")
class SparsityController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String SHAPES = InputShapes.FIELD;

    private final Sources sources;
    private final CompiledCache compiled;
    private final EngineRegistry engines;
    private final GradientLimits limits;
    private final WorkInFlight work;

    SparsityController(Sources sources, CompiledCache compiled, EngineRegistry engines, GradientLimits limits, WorkInFlight work) {
        this.sources = sources;
        this.compiled = compiled;
        this.engines = engines;
        this.limits = limits;
        this.work = work;
    }

    @Operation(summary = "The sparsity pattern of the Jacobian", description = "Where the Jacobian of every output by the"
            + " wrt inputs may be nonzero, over the flattened outputs (rows) and the flattened wrt inputs (columns), found"
            + " from the graph with no point: conservative (never misses a nonzero), and exact through element-wise and"
            + " indexing ops (GET /ops states each op's rule). Inputs need shapes, declared or in \"shapes\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.JacobianSparsityRequest.class), examples = {
                    @ExampleObject(name = "tridiagonal", value = "{\"expression\": \"x[1:] * x[:-1]\","
                            + " \"shapes\": {\"x\": [5]}}")}))
    @PostMapping(path = "/jacobian/sparsity", consumes = JSON, produces = JSON)
    JacobianSparsityResponse jacobianSparsity(@RequestBody Body<RequestSchemas.JacobianSparsityRequest> body) {
        Invocation call = prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        Point p = call.first();
        int[] outputs = SparseProducts.allOutputs(call);
        SparsityPattern pattern = JacobianSparsity.of(p.compiled(), p.inputIndices(wrt), outputs, limits.maxCost());
        Shape[] out = p.outputShapes();
        JacobianColours colours = new JacobianColours(Colourings.columns(pattern, limits.maxCost()).count(),
                Colourings.rows(pattern, limits.maxCost()).count(), pattern.maxRowDegree());
        return new JacobianSparsityResponse(call.graphId(), PatternBody.of(pattern), Results.labels(call.outputNames(), out),
                SparseProducts.columnLabels(p, wrt), colours);
    }

    @Operation(summary = "The sparsity pattern of the Hessian", description = "Where the Hessian of a scalar output by the"
            + " wrt inputs may be nonzero, over the flattened wrt inputs (both triangles), found from the graph with no"
            + " point; conservative. Inputs need shapes, declared or in \"shapes\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.HessianSparsityRequest.class), examples = {
                    @ExampleObject(name = "chained Rosenbrock", value = "{\"expression\": \"sum(100*(x[1:] - x[:-1]^2)^2"
                            + " + (1 - x[:-1])^2)\", \"shapes\": {\"x\": [5]}}")}))
    @PostMapping(path = "/hessian/sparsity", consumes = JSON, produces = JSON)
    HessianSparsityResponse hessianSparsity(@RequestBody Body<RequestSchemas.HessianSparsityRequest> body) {
        Invocation call = prepare(body);
        List<String> wrt = call.wrt(body.get("wrt"), call.inputNames());
        int output = call.scalarOutput(body.get("output"), "/hessian/sparsity");
        Point p = call.first();
        SparsityPattern pattern = HessianSparsity.of(p.compiled(), p.inputIndices(wrt), output, limits.maxCost());
        List<String> labels = SparseProducts.columnLabels(p, wrt);
        return new HessianSparsityResponse(call.graphId(), PatternBody.of(pattern), labels, labels,
                Colourings.star(pattern, limits.maxCost()).count());
    }

    /** The request's function compiled for its inputs' shapes, as an invocation of one point that holds no values. */
    private Invocation prepare(Body<?> body) {
        body.checkFields();
        ParsedGraph parsed = sources.resolve(body);
        Shape[] shapes = InputShapes.read(parsed.graph(), body.get(SHAPES), limits.maxElements(), ShapeJson::read,
                (name, fieldGiven) -> {
                    throw new GradientException(ErrorCode.MISSING_INPUT, "no shape for the input '" + name + "': the graph"
                            + " does not declare one, so give it in /shapes, like {\"" + name + "\": [3]}",
                            Origin.at(fieldGiven ? "/" + SHAPES : ""));
                });
        Compiled function = compiled.get(parsed, shapes);
        return new Invocation(parsed, List.of(new Point("/" + SHAPES, function, null)), false, false, engines, limits, work);
    }

}
