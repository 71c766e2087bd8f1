package dev.gradient.api;

import dev.gradient.error.ErrorCode;
import dev.gradient.parse.BinaryArray;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the OpenAPI document that annotations cannot say: the recursive {@code Value}
 * schema, the {@code Expression} and problem schemas, and the error responses every operation
 * shares. The server is the relative {@code "/"}, so that the document is the same on every
 * host and port and can be committed as {@code api-spec/openapi.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The API in a paragraph, and the choices made where the wire contract is silent. */
    static final String DESCRIPTION = """
            Exact derivatives over HTTP: automatic differentiation (forward and reverse mode, exact \
            Hessians) of functions given as expressions or graphs, and a gradient check (POST /check) \
            against a numeric engine. Values are JSON numbers or nested arrays (row-major); non-finite \
            numbers travel as "NaN", "Infinity" and "-Infinity". Every error is application/problem+json \
            with a stable code.

            Where the wire contract is silent:

            - A field whose value is null counts as absent. A field that the endpoint does not take \
            is a 400 (MALFORMED_REQUEST), so that typos do not pass silently.
            - "points" must hold at least one point. A batch runs on one engine: "auto" decides by \
            the first point's sizes. "tangent" and "cotangent" apply to every point of a batch.
            - "auto" picks forward mode for /hessian (forward over reverse) and /jvp, reverse mode \
            for /vjp (each endpoint's native product), and by the contract's rule for /gradient and \
            /jacobian. /evaluate takes "engine" too and reports it; for "auto" it reports "forward", \
            since evaluation is the primal sweep that every engine shares.
            - Beyond forward and reverse, the engine "numeric" (central differences with Richardson \
            extrapolation; GET /engines gives its error) serves every derivative endpoint, as a \
            reference; "auto" never picks it. Its /hessian differentiates the exact reverse-mode \
            gradient numerically. /hessian's "gradient" is always the engine's own, as /gradient gives it.
            - /check compares every AD engine's Jacobian with the numeric engine's by PyTorch \
            gradcheck's rule |a - n| <= atol + rtol * |n| (defaults 1e-5 and 1e-3, PyTorch's); it \
            takes no "engine" (a 400), and reports per engine and input rather than one "engine".
            - An unknown engine is a 422 (UNKNOWN_ENGINE); a name twice in "wrt" is a 422 \
            (DUPLICATE_NAME); a function with several outputs and no "output" on /gradient or \
            /hessian is a 422 (MISSING_OUTPUT). A scalar output means shape [] exactly.
            - /jvp: where "wrt" is given, "tangent" must name exactly those inputs (MISSING_TANGENT, \
            UNKNOWN_NAME). /vjp: "cotangent" must name every output (MISSING_COTANGENT).
            - Binary arrays: any value of a request (in "at", "points", "tangent", "cotangent", and a graph's \
            "const") may be {"dtype": "float64" or "float32", "shape": [...], "data": "<base64>"}, exactly these \
            three fields, data being the base64 of the elements' little-endian bytes in row-major order \
            (schema BinaryArray). float32 is widened exactly. Limits count the elements the shape claims, before \
            anything is decoded. The request stays application/json.
            - Responses with 'Accept: application/json+base64' (the evaluation and derivative endpoints): the \
            same JSON with every value, scalars included, a float64 BinaryArray, so that each double (non-finite \
            ones too) arrives as its IEEE bits; names, labels and ids stay as they are, and problems stay \
            application/problem+json. Plain application/json is the default. Other endpoints answer 406 to it.
            - CBOR (RFC 8949): the evaluation and derivative endpoints also read and write application/cbor, with \
            the same fields as JSON. Responses write every value as a BinaryArray whose data is a CBOR byte string \
            (raw little-endian float64 bytes); requests may send values as CBOR numbers and arrays, or binary arrays \
            with a byte string or base64 text. Problems stay application/problem+json. CBOR was chosen over \
            MessagePack for its standard, its byte strings, and Jackson's and Spring's own support for it. It is \
            not listed in the operations' media types, because generated clients send every listed type in \
            their Accept header in alphabetical order, and application/cbor would come first.
            - Columnar batches: "points" may be an object mapping every input to one array whose first axis runs \
            over the points (schema Points), as jax.vmap takes its arguments; the response then has no "results" but \
            the per-point fields at the top, each value with a leading axis over the points. "tangent" and \
            "cotangent" still apply to every point. /check takes it too and reports "results" per point as usual.
            - GET /ops and GET /engines answer JSON arrays.
            - Optional API keys: where the operator configures them, every operation needs \
            'Authorization: Bearer <key>' (else 401 UNAUTHORIZED), and each key's tenant sees only the \
            graphs it registered (another tenant's id is a 404 UNKNOWN_GRAPH). Rate limits answer 429 \
            RATE_LIMITED with Retry-After; a batch counts one per point.
            - Limits past the contract's: the response size (numbers over all points) and the \
            estimated cost summed over a batch's points are bounded too; 413 problems name the \
            configuration property in "limit".
            """;

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String CBOR = org.springframework.http.MediaType.APPLICATION_CBOR_VALUE;

    @Bean
    OpenAPI gradientOpenApi() {
        return new OpenAPI()
                .info(new Info().title("gradient").version("1")
                        .description(DESCRIPTION))
                .servers(List.of(new Server().url("/")));
    }

    @Bean
    OpenApiCustomizer gradientSchemas() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("Value", valueSchema());
            components.addSchemas("BinaryArray", binaryArraySchema());
            components.addSchemas("Points", pointsSchema());
            components.addSchemas("NamedValues", type("object")
                    .description("Values by name: input names, output names or wrt names, in order.")
                    .additionalProperties(ref("Value")));
            components.addSchemas("NamedValueMaps", type("object")
                    .description("Blocks of derivatives by two names, like jacobian[out][in].")
                    .additionalProperties(ref("NamedValues")));
            components.addSchemas("Expression", expressionSchema());
            components.addSchemas("Problem", problemSchema());
            components.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An API key, where the operator configured keys (gradient.security.api-keys);"
                            + " without keys the service is open and needs none."));
            // either no key (a service without keys) or the bearer key: clients may send one or not
            openApi.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList("apiKey")));
            components.getSchemas().values().forEach(OpenApiConfiguration::tidy);
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach(OpenApiConfiguration::addProblems);
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiConfiguration::withoutCbor));
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiExamples::addTo));
            }
        };
    }

    /**
     * Where a property names a component with {@code @Schema(ref = ...)}, the reference is the
     * whole schema: drops what the model resolver still derived from the Java type (such as
     * {@code Map<String, JsonNode>}), which would otherwise refer to a {@code JsonNode} schema
     * that does not exist.
     */
    private static void tidy(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            schema.setType(null);
            schema.setTypes(null);
            schema.setFormat(null);
            schema.setItems(null);
            schema.setAdditionalProperties(null);
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::tidy);
        }
        tidy(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            tidy(values);
        }
    }

    /** With the shared (Redis) registry: what a request answers while the registry cannot be reached. */
    private static final String REGISTRY_UNAVAILABLE = "The shared graph registry (gradient.registry=redis) cannot be"
            + " reached (REGISTRY_UNAVAILABLE, with Retry-After); requests by graphId, registering and deleting wait"
            + " for it, inline expression and graph requests do not.";

    private static final String UNAUTHORIZED = "API keys are configured (gradient.security.api-keys) and the request"
            + " has no valid 'Authorization: Bearer <key>' (UNAUTHORIZED, with WWW-Authenticate: Bearer). Without keys"
            + " configured the service is open and never answers this.";
    private static final String RATE_LIMITED = "The client's rate limit (per tenant, or per address without keys) is"
            + " used up for now (RATE_LIMITED); Retry-After says in how many seconds to retry. A request takes one"
            + " token, a batch one per point.";

    /** What a request answers while the work already running leaves no room for it in time. */
    private static final String BUSY = "Or the work already in flight (gradient.limits.max-cost-in-flight) left no room"
            + " for this request within 10 s (BUSY, with Retry-After).";

    /** What registering adds to the 413 of every POST. */
    private static final String QUOTA = " Registering also passes a limit where the registry would keep more nodes than"
            + " gradient.limits.max-registered-nodes over all tenants, or than the tenant's quota"
            + " (gradient.tenants.max-registered-nodes); the problem then has usedNodes, maxNodes and graphNodes.";

    private static void addProblems(String path, PathItem item) {
        boolean byId = path.contains("{id}");
        for (Operation operation : item.readOperations()) {
            problem(operation.getResponses(), "401", UNAUTHORIZED);
            problem(operation.getResponses(), "429", RATE_LIMITED);
            operation.getResponses().get("429").addHeaderObject("Retry-After", new Header()
                    .description("Whole seconds until the request may succeed.").schema(type("integer")));
        }
        if (item.getPost() != null) {
            ApiResponses responses = item.getPost().getResponses();
            problem(responses, "400", "The body is not JSON, or not of the contract's form (MALFORMED_REQUEST).");
            if (!path.equals("/graphs")) {
                problem(responses, "404", "The graphId names no registered graph (UNKNOWN_GRAPH).");
            }
            problem(responses, "413", "A limit is passed: body size, nodes, elements in one tensor, points in a batch"
                    + " (or more points than a rate-limit bucket holds), an estimated cost or result size (LIMIT_EXCEEDED)."
                    + (path.equals("/graphs") ? QUOTA : ""));
            problem(responses, "415", "The body is not application/json (UNSUPPORTED_MEDIA_TYPE); the evaluation and"
                    + " derivative endpoints also read application/cbor.");
            problem(responses, "422", "Well-formed, but the function or point does not make sense: "
                    + codes(code -> code.status() == 422) + ".");
            problem(responses, "503", path.equals("/graphs") ? REGISTRY_UNAVAILABLE : REGISTRY_UNAVAILABLE + " " + BUSY);
        }
        if (path.equals("/graphs") && item.getGet() != null) {
            ApiResponses responses = item.getGet().getResponses();
            problem(responses, "400", "The query parameter limit or cursor is not one this call takes (MALFORMED_REQUEST,"
                    + " with the parameter's name in parameter).");
            problem(responses, "503", REGISTRY_UNAVAILABLE);
        }
        for (Operation operation : new Operation[] {item.getGet(), item.getDelete()}) {
            if (operation != null && byId) {
                problem(operation.getResponses(), "404", "No graph has this id (UNKNOWN_GRAPH).");
                problem(operation.getResponses(), "503", REGISTRY_UNAVAILABLE);
            }
        }
    }

    /**
     * Leaves CBOR out of the operations' media types: generators send an Accept header with every
     * listed type in the document's (alphabetical) order, so a listed application/cbor would come
     * first and a generated JSON client would be answered in CBOR. The description's notes say it.
     */
    private static void withoutCbor(Operation operation) {
        operation.getResponses().values().forEach(response -> {
            if (response.getContent() != null) {
                response.getContent().remove(CBOR);
            }
        });
    }

    /** The codes that {@code which} selects, in the enum's order: generated, so that a new code is documented. */
    private static String codes(Predicate<ErrorCode> which) {
        return Arrays.stream(ErrorCode.values()).filter(which).map(ErrorCode::name).collect(Collectors.joining(", "));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem")))));
    }

    /**
     * A number, a non-finite string, or nested arrays of these. Written without {@code oneOf} or
     * a list of types: code generators turn those into wrapper classes that cannot hold a nested
     * array (openapi-generator's Java client does not even compile), whereas a schema that only
     * rules out the other JSON types becomes a plain {@code Object} / {@code Any} /
     * {@code interface{}}. The constraints stay exact for validators, since {@code pattern}
     * applies only to strings and {@code items} only to arrays.
     */
    private static Schema<?> valueSchema() {
        Schema<Object> schema = new JsonSchema()
                .description("A number, one of the strings \"NaN\", \"Infinity\" and \"-Infinity\", or a tensor:"
                        + " rectangular nested arrays of these, row-major ([[1,2,3],[4,5,6]] has shape [2,3]); or, at the"
                        + " top of a value (not inside nested arrays), a BinaryArray object. Generated clients see it as a"
                        + " plain JSON value (Object, Any): a number, a string, a list or a map.")
                .not(types("boolean", "null"))
                .pattern("^(NaN|Infinity|-Infinity)$")
                .items(ref("Value"));
        // "if"/"then" rather than oneOf, for the reason above: generators ignore it, validators apply it to objects only
        schema.setIf(types("object"));
        schema.setThen(ref("BinaryArray"));
        schema.setExamples(List.<Object>of(2.5, "NaN", List.of(List.of(1, 2, 3), List.of(4, 5, 6)),
                Map.of("dtype", "float64", "shape", List.of(2), "data", "AAAAAAAA8D8AAAAAAAAAQA==")));
        return schema;
    }

    /** A tensor as base64 of its little-endian bytes, as {@link dev.gradient.parse.BinaryArray} reads and writes it. */
    private static Schema<?> binaryArraySchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        Schema<Object> dtype = new JsonSchema().types(Set.of("string"));
        dtype.setEnum(List.of("float64", "float32"));
        properties.put(BinaryArray.DTYPE, dtype.description("The element type: float64 (IEEE doubles) or float32 (widened to doubles exactly). Responses"
                        + " always use float64."));
        properties.put(BinaryArray.SHAPE, type("array").items(type("integer").minimum(java.math.BigDecimal.ZERO))
                .description("The sizes of the axes, outermost first; [] for a scalar. A shape of more elements than"
                        + " gradient.limits.max-elements, or more axes than gradient.limits.max-json-depth, is a 413 on"
                        + " its claim alone."));
        properties.put(BinaryArray.DATA, type("string").format("byte")
                .description("Base64 (RFC 4648, standard alphabet; padding optional on input, always written) of the"
                        + " elements' little-endian bytes in row-major order, as NumPy's tobytes() gives them for a"
                        + " C-contiguous '<f8' or '<f4' array: exactly the shape's element count times the element's"
                        + " width. Non-finite values and NaN payloads travel as their IEEE bits."));
        Schema<?> schema = type("object").description("A tensor as a binary array: {\"dtype\": \"float64\", \"shape\": [2, 3],"
                + " \"data\": \"<base64>\"}, exactly these three fields. Accepted for any value of a request (at, points,"
                + " tangent, cotangent, a graph's const); a malformed one (another dtype, a missing or extra field, a negative"
                + " size, text that is not base64, a byte count that does not fit the shape) is a 400 whose pointer names"
                + " the field.")
                .properties(properties).required(List.of(BinaryArray.DTYPE, BinaryArray.SHAPE, BinaryArray.DATA));
        schema.setAdditionalProperties(false);
        return schema;
    }

    /** An array of points, or a columnar batch (an object of arrays), written as {@link #valueSchema()} is, for the same reason. */
    private static Schema<?> pointsSchema() {
        Schema<Object> schema = new JsonSchema()
                .description("A batch, in one of two forms. An array of points, each an object like \"at\": the results"
                        + " come back as \"results\", one per point. Or columnar, as jax.vmap takes its arguments: an object"
                        + " mapping every input to one Value (nested arrays or a BinaryArray) whose first axis runs over the"
                        + " points, the same length for every input, each point's value being the rest of its axes; the results"
                        + " then come back at the top of the response, each value with that leading axis (Jacobian labels"
                        + " are per point, as without a batch). Either form holds at most gradient.limits.max-points points."
                        + " Generated clients see it as a plain JSON value: pass a list of maps or a map.")
                .not(types("string", "number", "integer", "boolean", "null"))
                .items(ref("NamedValues"))
                .minItems(1);
        schema.setIf(types("object"));
        schema.setThen(new JsonSchema().additionalProperties(ref("Value")));
        schema.setExamples(List.<Object>of(List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)),
                Map.of("x", List.of(1, 3), "y", List.of(2, 4))));
        return schema;
    }

    /** A string or a non-empty array of strings, written as {@link #valueSchema()} is, for the same reason. */
    private static Schema<?> expressionSchema() {
        Schema<Object> schema = new JsonSchema()
                .description("An expression with one output named f, or an array of scalar expressions: one output"
                        + " named f of shape [k], their stack. Generated clients see it as a plain JSON value: pass a"
                        + " string or a list of strings.")
                .not(types("object", "boolean", "null", "number"))
                .items(type("string"))
                .minItems(1);
        schema.setExamples(List.<Object>of("log(x1) + x1*x2 - sin(x2)", List.of("r * cos(t)", "r * sin(t)")));
        return schema;
    }

    private static Schema<?> types(String... types) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(types)));
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", type("string").format("uri").description("A URN naming the kind of problem."));
        properties.put("title", type("string"));
        properties.put("status", type("integer"));
        properties.put("detail", type("string").description("What was wrong and what was expected."));
        properties.put("instance", type("string").format("uri"));
        properties.put("code", type("string").description("A stable, machine-readable code: one of "
                + codes(code -> true) + ".").example(ErrorCode.UNKNOWN_NAME.name()));
        Map<String, Schema> error = new LinkedHashMap<>();
        error.put("pointer", type("string").description("A JSON Pointer into the request.").example("/at/x"));
        error.put("message", type("string"));
        properties.put("errors", type("array").items(type("object").properties(error)));
        properties.put("position", type("integer").description("For errors in an expression: the character position,"
                + " counting from 0."));
        properties.put("limit", type("string").description("For LIMIT_EXCEEDED: the configuration property of the limit.")
                .example("gradient.limits.max-nodes"));
        properties.put("usedNodes", type("integer").description("For the registry's bounds"
                + " (gradient.limits.max-registered-nodes, gradient.tenants.max-registered-nodes): the nodes kept now,"
                + " in all or by the tenant."));
        properties.put("maxNodes", type("integer").description("For the registry's bounds: the bound."));
        properties.put("graphNodes", type("integer").description("For the registry's bounds: the refused graph's nodes."));
        properties.put("tenant", type("string").description("For gradient.tenants.max-registered-nodes with API keys:"
                + " the tenant whose quota is used up."));
        properties.put("parameter", type("string").description("For a query parameter that is not valid: its name."));
        properties.put("requestId", type("string").description("The request's id, as its X-Request-Id response header"
                + " gives it: the caller's X-Request-Id where that was a sane token, else a new one. Its log line carries it."));
        return type("object").description("An RFC 9457 problem detail (application/problem+json).")
                .properties(properties).required(List.of("type", "title", "status", "detail", "code"));
    }

    private static Schema<?> type(String type) {
        return new JsonSchema().types(Set.of(type));
    }

    private static Schema<?> ref(String name) {
        return new JsonSchema().$ref("#/components/schemas/" + name);
    }
}
