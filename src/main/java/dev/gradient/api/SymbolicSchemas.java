package dev.gradient.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of {@code POST /trace} and {@code POST /derivative}, for the OpenAPI
 * description only: the controllers read the JSON tree themselves, with pointers in their errors.
 */
final class SymbolicSchemas {

    private static final String SOURCE = "Exactly one of expression, graph and graphId.";

    private SymbolicSchemas() {
    }

    /** The body of {@code POST /trace}. */
    record TraceRequest(
            @Schema(ref = RequestSchemas.EXPRESSION, description = "A function as an expression. " + SOURCE) Object expression,
            @Schema(description = "A function as a graph. " + SOURCE) RequestSchemas.GraphSpec graph,
            @Schema(description = "The id of a registered graph. " + SOURCE) String graphId,
            @Schema(ref = RequestSchemas.NAMED_VALUES, requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The point: every input's name mapped to its value.") Map<String, Object> at,
            @Schema(description = "Which output to trace; required where the function has several. It must be a scalar.")
                    String output,
            @Schema(ref = RequestSchemas.NAMED_VALUES, description = "The direction of the tangent trace, by input name;"
                    + " inputs it leaves out have a zero tangent. Default: the first input's unit vector (1 in its first"
                    + " element).") Map<String, Object> tangent,
            @Schema(description = "Show at most this many elements of each value (from 1 to"
                    + " gradient.trace.max-shown-elements, 64 by default); larger values are abbreviated.",
                    defaultValue = "8") Integer maxElements) {
    }

    /** The body of {@code POST /derivative}. */
    record DerivativeRequest(
            @Schema(ref = RequestSchemas.EXPRESSION, description = "A function as an expression. " + SOURCE) Object expression,
            @Schema(description = "A function as a graph. " + SOURCE) RequestSchemas.GraphSpec graph,
            @Schema(description = "The id of a registered graph. " + SOURCE) String graphId,
            @Schema(description = "The shape of each input, by name (an array of extents; [] for a scalar). An input"
                    + " whose graph declares its shape has that one; any other defaults to a scalar.")
                    Map<String, List<Integer>> shapes,
            @Schema(description = "What to differentiate: the gradient of a scalar output, the Jacobian of an output,"
                    + " or the row of the Hessian of a scalar output for the scalar input 'row'.",
                    allowableValues = {"gradient", "jacobian", "hessianRow"}, defaultValue = "gradient") String derivative,
            @Schema(description = "The output to differentiate; required where the function has several.") String output,
            @ArraySchema(arraySchema = @Schema(description = "The inputs to differentiate by, in this order; default: every"
                    + " input in input order.")) List<String> wrt,
            @Schema(description = "For \"hessianRow\": the scalar input whose row it is (the derivatives of d output/d row).")
                    String row,
            @ArraySchema(arraySchema = @Schema(description = "The forms to return: \"graph\", \"expression\" (let-style"
                    + " bindings) and \"c\" (C source); default all three where every node of the derivative is a scalar, else the"
                    + " first two. \"c\" needs every node to be a scalar: asked for a tensor derivative, it is a 422."))
                    List<String> forms) {
    }
}
