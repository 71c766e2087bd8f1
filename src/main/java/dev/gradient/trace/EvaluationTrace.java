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
public record EvaluationTrace(String graphId, String output, List<PrimalRow> primal, TangentTrace tangent,
        AdjointTrace adjoint, Tensor jvp, Map<String, Tensor> gradient) {

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
    public record PrimalRow(String name, String node, String kind, String op, List<String> args, String text,
            List<Integer> shape, Tensor value, Boolean abbreviated) {
    }

    /**
     * The tangent trace.
     *
     * @param direction the input tangent it starts from, by input name
     * @param rows one row per input and op, in evaluation order
     */
    public record TangentTrace(Map<String, Tensor> direction, List<TangentRow> rows) {
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
    public record TangentRow(String name, String of, Tensor value, Boolean abbreviated) {
    }

    /**
     * The adjoint trace.
     *
     * @param seed the output's cotangent it starts from
     * @param rows one row per op and input, in reverse evaluation order
     */
    public record AdjointTrace(Tensor seed, List<AdjointRow> rows) {
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
    public record AdjointRow(String name, String of, String text, List<Term> contributions, Tensor value,
            Boolean abbreviated) {
    }

    /**
     * One term of an adjoint.
     *
     * @param from the name of the node whose adjoint it passes back
     * @param value the term {@code v̄i ∂vi/∂vj}, whole or abbreviated
     * @param abbreviated {@code true} where {@code value} holds only the first elements
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(String from, Tensor value, Boolean abbreviated) {
    }
}
