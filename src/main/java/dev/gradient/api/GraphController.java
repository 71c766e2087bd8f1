package dev.gradient.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gradient.cache.CompiledCache;
import dev.gradient.cache.GraphRegistry;
import dev.gradient.engine.Compiled;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.security.Tenants;
import dev.gradient.tensor.Shape;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The graph registry: {@code POST /graphs} compiles and keeps a graph under the content hash
 * of its canonical form, {@code GET /graphs/{id}} describes it, {@code DELETE /graphs/{id}}
 * forgets it. With API keys each tenant has its own registry namespace: another tenant's
 * graph is a 404, exactly like one that does not exist, so that ids reveal nothing.
 */
@RestController
@Tag(name = "graphs", description = "Register a function once and name it by id in later requests.")
class GraphController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    /** An input or output with its shape; {@code shape} is {@code null} where it waits for the value's. */
    record NamedShape(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "x") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "null where it waits for"
                    + " the shape of the value it is given.", example = "[3]") List<Integer> shape) {
    }

    /** What the registry says about a graph; {@code graph} only in {@code GET /graphs/{id}}. */
    record GraphDescription(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The content hash of the graph's canonical"
                    + " form: the same graph always gets the same id.") String graphId,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<NamedShape> inputs,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Output shapes"
                    + " are known where every input declares its shape.")) List<NamedShape> outputs,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many nodes the graph has, inputs"
                    + " and constants included, before composite ops are expanded.") int nodeCount,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = RequestSchemas.GraphSpec.class, description = "The canonical form (GET only); it"
                    + " can be posted again as it is.") JsonNode graph) {
    }

    private final Sources sources;
    private final GraphRegistry registry;
    private final CompiledCache compiled;

    GraphController(Sources sources, GraphRegistry registry, CompiledCache compiled) {
        this.sources = sources;
        this.registry = registry;
        this.compiled = compiled;
    }

    @Operation(summary = "Register a graph", description = "Compiles the graph (with its declared shapes, where every"
            + " input declares one) and keeps it under its id. 201 with Location the first time; 200 with the same body"
            + " when it is registered already.", responses = {
                    @ApiResponse(responseCode = "201", description = "Registered.", headers = @Header(name = "Location",
                            description = "/graphs/{id}", schema = @Schema(type = "string"))),
                    @ApiResponse(responseCode = "200", description = "It was registered already.")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RequestSchemas.RegisterRequest.class), examples = {
                    @ExampleObject(name = "graph", value = "{\"graph\": {\"inputs\": [{\"name\": \"x\", \"shape\": [3]},"
                            + " {\"name\": \"y\"}], \"nodes\": [{\"id\": \"t1\", \"op\": \"mul\", \"args\": [\"x\", \"y\"]},"
                            + " {\"id\": \"s\", \"op\": \"sum\", \"args\": [\"t1\"]}], \"outputs\": [\"s\"]}}"),
                    @ExampleObject(name = "expression", value = "{\"expression\": \"x * exp(-y)\"}")}))
    @PostMapping(path = "/graphs", consumes = JSON, produces = JSON)
    ResponseEntity<GraphDescription> register(@RequestBody Body<RequestSchemas.RegisterRequest> body) {
        body.checkFields();
        ParsedGraph graph = sources.resolveInline(body);
        GraphDescription description = describe(graph, false);
        if (registry.register(Tenants.namespace(), graph)) {
            return ResponseEntity.created(URI.create("/graphs/" + graph.id())).body(description);
        }
        return ResponseEntity.ok(description);
    }

    @Operation(summary = "Describe a registered graph", description = "The registration's body again, with the"
            + " graph's canonical form.")
    @GetMapping(path = "/graphs/{id}", produces = JSON)
    GraphDescription get(@Parameter(description = "A graph id from POST /graphs.", example = "a35d007e3357d2307de799c4857f49ae") @PathVariable String id) {
        return describe(find(id), true);
    }

    @Operation(summary = "Forget a registered graph", description = "Later use of the id is a 404 (UNKNOWN_GRAPH).",
            responses = @ApiResponse(responseCode = "204", description = "Forgotten."))
    @DeleteMapping("/graphs/{id}")
    ResponseEntity<Void> delete(@Parameter(description = "A graph id from POST /graphs.", example = "a35d007e3357d2307de799c4857f49ae") @PathVariable String id) {
        if (!registry.remove(Tenants.namespace(), id)) {
            throw Sources.unknownGraph(id, null);
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private ParsedGraph find(String id) {
        return registry.find(Tenants.namespace(), id).orElseThrow(() -> Sources.unknownGraph(id, null));
    }

    private GraphDescription describe(ParsedGraph parsed, boolean withGraph) {
        Graph graph = parsed.graph();
        // computed once: the graph builds these lists anew on every call
        List<String> inputNames = graph.inputNames();
        List<String> outputNames = graph.outputNames();
        List<NamedShape> inputs = new ArrayList<>();
        Shape[] declared = new Shape[graph.inputs().size()];
        boolean allDeclared = true;
        for (int i = 0; i < declared.length; i++) {
            declared[i] = graph.input(i).declaredShape();
            allDeclared &= declared[i] != null;
            inputs.add(new NamedShape(inputNames.get(i), dims(declared[i])));
        }
        List<NamedShape> outputs = new ArrayList<>();
        Compiled function = allDeclared ? compile(parsed, declared) : null;
        for (int k = 0; k < graph.outputs().size(); k++) {
            Shape shape = function == null ? null : function.graph().shape(function.graph().outputs().get(k));
            outputs.add(new NamedShape(outputNames.get(k), dims(shape)));
        }
        return new GraphDescription(parsed.id(), inputs, outputs, parsed.nodeCount(),
                withGraph ? CanonicalForm.toJson(graph) : null);
    }

    private Compiled compile(ParsedGraph graph, Shape[] shapes) {
        try {
            return compiled.get(graph, shapes);
        } catch (GradientException e) {
            if (e.origin() == null) {
                throw e; // a limit, which says nothing about the shapes
            }
            throw e.withMessage(e.getMessage() + " (with the declared input shapes)");
        }
    }

    private static List<Integer> dims(Shape shape) {
        return shape == null ? null : Arrays.stream(shape.dims()).boxed().toList();
    }
}
