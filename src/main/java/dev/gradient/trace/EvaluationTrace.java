package dev.gradient.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /trace}: a function's evaluation trace at one point, in the notation of
 * Baydin et al.'s survey. {@code primal} has a row per input ({@code v-(n-1)} ... {@code v0}),
 * constant ({@code c1}, ...) and op ({@code v1}, ...) in evaluation order; {@code tangent} a row
 * per input and op in the same order; {@code adjoint} a row per op and input in reverse order.
 * Every value is shown whole up to {@code maxElements} elements, else abbreviated.
 *
 * @param graphId the id of the function, as {@code POST /graphs} gives it
 * @param output the output whose adjoints are traced
 * @param primal the forward primal trace
 * @param tangent the forward tangent trace, forward mode's numbers
 * @param adjoint the reverse adjoint trace, reverse mode's numbers
 * @param jvp the output's tangent: what {@code POST /jvp} gives with the forward engine for this tangent
 * @param gradient each input's adjoint: what {@code POST /gradient} (a VJP for a non-scalar output) gives with the reverse engine
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationTrace(
        @Schema(description = "The id of the function, as POST /graphs gives it.") String graphId,
        @Schema(description = "The output whose adjoints are traced.") String output,
        @Schema(description = "The forward primal trace: inputs, constants and ops in evaluation order.") List<PrimalRow> primal,
        @Schema(description = "The forward tangent trace, forward mode's numbers.") TangentTrace tangent,
        @Schema(description = "The reverse adjoint trace, reverse mode's numbers, in reverse order.") AdjointTrace adjoint,
        @Schema(ref = VALUE, description = "The output's tangent, as POST /jvp gives it with the forward engine.") Tensor jvp,
        @Schema(ref = NAMED_VALUES, description = "Each input's adjoint, as POST /gradient gives it with the reverse engine.")
                Map<String, Tensor> gradient) {

    static final String VALUE = "#/components/schemas/Value";
    static final String NAMED_VALUES = "#/components/schemas/NamedValues";
    private static final String SHOWN = "The value: whole, or where abbreviated its first elements (row-major) as a vector.";
    private static final String ABBREVIATED = "true where value holds only the first elements; absent otherwise.";

    /**
     * One step of the primal trace.
     *
     * @param name the node's name in the survey's notation
     * @param node the node's id in the compiled graph (an input's name for an input)
     * @param kind {@code input}, {@code const} or {@code op}
     * @param op the op, for an op row
     * @param args the names of its arguments, for an op row
     * @param text the step as a formula, like {@code v3 = v-1 * v0}
     * @param shape the value's shape
     * @param value the value, whole or abbreviated
     * @param abbreviated {@code true} where {@code value} holds only the first elements
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrimalRow(
            @Schema(description = "The node's name in the survey's notation: v-1, v0 for inputs, v1, ... for ops, c1, ... for"
                    + " constants.") String name,
            @Schema(description = "The node's id in the compiled graph.") String node,
            @Schema(allowableValues = {"input", "const", "op"}) String kind,
            @Schema(description = "The op, for an op row.") String op,
            @Schema(description = "The names of its arguments, for an op row.") List<String> args,
            @Schema(description = "The step as a formula, like v2 = v-1 * v0.") String text,
            @Schema(description = "The value's shape.") List<Integer> shape,
            @Schema(ref = VALUE, description = SHOWN) Tensor value,
            @Schema(description = ABBREVIATED) Boolean abbreviated) {
    }

    /**
     * The tangent trace.
     *
     * @param direction the input tangent it starts from, by input name
     * @param rows one row per input and op, in evaluation order
     */
    public record TangentTrace(
            @Schema(ref = NAMED_VALUES, description = "The input tangent it starts from, by input name.") Map<String, Tensor> direction,
            List<TangentRow> rows) {
    }

    /**
     * One node's tangent.
     *
     * @param name the tangent's name, like {@code v̇3}
     * @param of the node's name
     * @param value the tangent, whole or abbreviated (zero where no tangent reaches the node)
     * @param abbreviated {@code true} where {@code value} holds only the first elements
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TangentRow(String name, String of, @Schema(ref = VALUE, description = SHOWN) Tensor value,
            @Schema(description = ABBREVIATED) Boolean abbreviated) {
    }

    /**
     * The adjoint trace.
     *
     * @param seed the output's cotangent it starts from
     * @param rows one row per op and input, in reverse evaluation order
     */
    public record AdjointTrace(@Schema(ref = VALUE, description = "The output's cotangent.") Tensor seed,
            List<AdjointRow> rows) {
    }

    /**
     * One node's adjoint: the sum of its contributions, {@code v̄j = Σ v̄i ∂vi/∂vj} over the nodes
     * {@code vi} that read {@code vj}.
     *
     * @param name the adjoint's name, like {@code v̄3}
     * @param of the node's name
     * @param text the sum as a formula, like {@code v̄-1 = v̄1 ∂v1/∂v-1 + v̄2 ∂v2/∂v-1}
     * @param contributions each term, in the order reverse mode adds them
     * @param value the adjoint, whole or abbreviated (zero where nothing reaches the node)
     * @param abbreviated {@code true} where {@code value} holds only the first elements
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdjointRow(String name, String of,
            @Schema(description = "The sum as a formula, like v̄-1 = v̄2 ∂v2/∂v-1 + v̄1 ∂v1/∂v-1.") String text,
            @Schema(description = "Each term, in the order reverse mode adds them.") List<Term> contributions,
            @Schema(ref = VALUE, description = SHOWN) Tensor value,
            @Schema(description = ABBREVIATED) Boolean abbreviated) {
    }

    /**
     * One term of an adjoint.
     *
     * @param from the name of the node whose adjoint it passes back
     * @param value the term {@code v̄i ∂vi/∂vj}, whole or abbreviated
     * @param abbreviated {@code true} where {@code value} holds only the first elements
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(@Schema(description = "The name of the node whose adjoint it passes back.") String from,
            @Schema(ref = VALUE, description = SHOWN) Tensor value, @Schema(description = ABBREVIATED) Boolean abbreviated) {
    }
}
