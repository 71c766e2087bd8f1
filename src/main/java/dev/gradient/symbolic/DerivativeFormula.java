package dev.gradient.symbolic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /derivative}: a derivative as a formula, with no point, in the forms
 * asked for.
 *
 * @param graphId the id of the function, as {@code POST /graphs} gives it
 * @param derivative {@code gradient}, {@code jacobian} or {@code hessianRow}
 * @param output the output differentiated
 * @param wrt the inputs differentiated by, in order
 * @param outputs the formula's output names, in order: {@code d_x} for the gradient by {@code x},
 *     {@code d_f_d_x} for the Jacobian block of output {@code f} by {@code x}, {@code d2_r_d_x} for
 *     the Hessian entry of the row input {@code r} and the column input {@code x}
 * @param graph the formula as a graph in the contract's JSON form, one node per op
 * @param expression the formula as let-style bindings, as text and as a graph of expr nodes
 * @param c the formula as C source
 * @param nodeCounts the sizes of the function, of the formula with sharing and fully expanded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DerivativeFormula(
        @Schema(description = "The id of the function, as POST /graphs gives it.") String graphId,
        @Schema(allowableValues = {"gradient", "jacobian", "hessianRow"}) String derivative,
        @Schema(description = "The output differentiated.") String output,
        @Schema(description = "The inputs differentiated by, in order.") List<String> wrt,
        @Schema(description = "The formula's output names: d_x for the gradient by x, d_f_d_x for the Jacobian block of f"
                + " by x, d2_r_d_x for the Hessian entry of the row r and the column x.") List<String> outputs,
        @Schema(ref = GRAPH, description = "The formula as a graph, one node per op: POST it to /graphs or /evaluate.")
                Object graph,
        @Schema(description = "The formula as let-style bindings.") LetForm expression,
        @Schema(description = "The formula as C99 source; for scalars only.") CSource c,
        @Schema(description = "The sizes of the function and of the formula, with sharing and expanded.") NodeCounts nodeCounts) {

    static final String GRAPH = "#/components/schemas/Graph";
}
