package dev.gradient.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import dev.gradient.tensor.Tensor;

/**
 * The response bodies of the evaluation and derivative endpoints. Each endpoint has a record
 * for one point's fields and a response that carries {@code graphId} and {@code engine} and
 * either one point's fields (for {@code at}), {@code results}, one per point (for an array of
 * {@code points}), or one point's fields with a leading axis over the points (for columnar
 * {@code points}); absent fields are left out.
 */
final class Responses {

    static final String VALUE = "#/components/schemas/Value";
    static final String NAMED_VALUES = "#/components/schemas/NamedValues";
    static final String NAMED_VALUE_MAPS = "#/components/schemas/NamedValueMaps";

    private static final String GRAPH_ID = "The id of the graph that ran, as POST /graphs gives it: a content hash of its canonical form.";
    private static final String ENGINE = "The engine that ran; never \"auto\".";
    private static final String RESULTS = "With \"points\" an array: one result per point, in order (and the per-point fields"
            + " are not at the top). With \"points\" columnar, absent: the per-point fields are at the top, each value with a"
            + " leading axis over the points.";

    private static final String SPARSE_JACOBIAN = "With format \"sparse\", instead of jacobian: its structural nonzeros"
            + " as COO (rows: every output's elements; columns: every wrt input's elements; in order), found from the graph"
            + " and computed by colouring.";
    private static final String SPARSE_HESSIAN = "With format \"sparse\", instead of hessian: its structural nonzeros"
            + " as COO over the wrt inputs' elements, in order (both triangles), computed by star colouring.";
    private static final String HESSIAN_LABELS = "With format \"sparse\": a label per row (and per column) of the"
            + " Hessian, every wrt input's elements in order, like \"x[3]\".";

    private Responses() {
    }

    /** One point's result of {@code POST /evaluate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EvaluateResult(
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs) {
    }

    /** The response of {@code POST /evaluate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EvaluateResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = "The engine named in the request, or for \"auto\" \"forward\": evaluation is the primal"
                    + " sweep that every engine shares.", requiredMode = Schema.RequiredMode.REQUIRED) String engine,
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @ArraySchema(arraySchema = @Schema(description = RESULTS)) List<EvaluateResult> results) {

        static EvaluateResponse of(Invocation call, String engine, List<EvaluateResult> results) {
            if (call.columnar()) {
                return new EvaluateResponse(call.graphId(), engine, Columns.stackNamed(results, EvaluateResult::outputs), null);
            }
            return call.batch() ? new EvaluateResponse(call.graphId(), engine, null, results)
                    : new EvaluateResponse(call.graphId(), engine, results.get(0).outputs(), null);
        }
    }

    /** One point's result of {@code POST /gradient}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GradientResult(
            @Schema(ref = VALUE, description = "The value of the scalar output.") Tensor value,
            @Schema(ref = NAMED_VALUES, description = "The gradient by each wrt input, of that input's shape.")
            Map<String, Tensor> gradient) {
    }

    /** The response of {@code POST /gradient}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GradientResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = ENGINE, requiredMode = Schema.RequiredMode.REQUIRED) String engine,
            @Schema(ref = VALUE, description = "The value of the scalar output.") Tensor value,
            @Schema(ref = NAMED_VALUES, description = "The gradient by each wrt input, of that input's shape.")
            Map<String, Tensor> gradient,
            @ArraySchema(arraySchema = @Schema(description = RESULTS)) List<GradientResult> results) {

        static GradientResponse of(Invocation call, String engine, List<GradientResult> results) {
            if (call.columnar()) {
                return new GradientResponse(call.graphId(), engine, Columns.stack(results, GradientResult::value),
                        Columns.stackNamed(results, GradientResult::gradient), null);
            }
            if (call.batch()) {
                return new GradientResponse(call.graphId(), engine, null, null, results);
            }
            GradientResult r = results.get(0);
            return new GradientResponse(call.graphId(), engine, r.value(), r.gradient(), null);
        }
    }

    /** One point's result of {@code POST /jacobian}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JacobianResult(
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @Schema(ref = NAMED_VALUE_MAPS, description = "jacobian[out][in] has shape out.shape + in.shape.")
            Map<String, Map<String, Tensor>> jacobian,
            @Schema(ref = VALUE, description = "With format \"matrix\": the 2-D Jacobian; rows are every output's elements,"
                    + " columns every wrt input's elements, row-major, in order.") Tensor matrix,
            @ArraySchema(arraySchema = @Schema(description = "With format \"matrix\": a label per row, like \"f[1]\", or \"f\""
                    + " for a scalar."), schema = @Schema(example = "f[0]")) List<String> rowLabels,
            @ArraySchema(arraySchema = @Schema(description = "With format \"matrix\": a label per column, like \"W[1,0]\", or"
                    + " \"x\" for a scalar."), schema = @Schema(example = "W[1,0]")) List<String> columnLabels,
            @Schema(description = SPARSE_JACOBIAN) SparseResponses.SparseBody sparse) {
    }

    /** The response of {@code POST /jacobian}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JacobianResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = ENGINE, requiredMode = Schema.RequiredMode.REQUIRED) String engine,
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @Schema(ref = NAMED_VALUE_MAPS, description = "jacobian[out][in] has shape out.shape + in.shape.")
            Map<String, Map<String, Tensor>> jacobian,
            @Schema(ref = VALUE, description = "With format \"matrix\": the 2-D Jacobian.") Tensor matrix,
            @ArraySchema(arraySchema = @Schema(description = "With format \"matrix\" or \"sparse\": a label per row."))
            List<String> rowLabels,
            @ArraySchema(arraySchema = @Schema(description = "With format \"matrix\" or \"sparse\": a label per column."))
            List<String> columnLabels,
            @Schema(description = SPARSE_JACOBIAN) SparseResponses.SparseBody sparse,
            @ArraySchema(arraySchema = @Schema(description = RESULTS)) List<JacobianResult> results) {

        static JacobianResponse of(Invocation call, String engine, List<JacobianResult> results) {
            if (call.columnar()) {
                JacobianResult first = results.get(0);
                return new JacobianResponse(call.graphId(), engine, Columns.stackNamed(results, JacobianResult::outputs),
                        first.jacobian() == null ? null : Columns.stackBlocks(results, JacobianResult::jacobian),
                        first.matrix() == null ? null : Columns.stack(results, JacobianResult::matrix), first.rowLabels(),
                        first.columnLabels(),
                        first.sparse() == null ? null : SparseResponses.SparseBody.stack(results.stream().map(JacobianResult::sparse).toList()),
                        null);
            }
            if (call.batch()) {
                return new JacobianResponse(call.graphId(), engine, null, null, null, null, null, null, results);
            }
            JacobianResult r = results.get(0);
            return new JacobianResponse(call.graphId(), engine, r.outputs(), r.jacobian(), r.matrix(), r.rowLabels(),
                    r.columnLabels(), r.sparse(), null);
        }
    }

    /** One point's result of {@code POST /hessian}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HessianResult(
            @Schema(ref = VALUE, description = "The value of the scalar output.") Tensor value,
            @Schema(ref = NAMED_VALUES, description = "The gradient by each wrt input.") Map<String, Tensor> gradient,
            @Schema(ref = NAMED_VALUE_MAPS, description = "hessian[in_i][in_j] has shape in_i.shape + in_j.shape.")
            Map<String, Map<String, Tensor>> hessian,
            @ArraySchema(arraySchema = @Schema(description = HESSIAN_LABELS)) List<String> rowLabels,
            @ArraySchema(arraySchema = @Schema(description = HESSIAN_LABELS)) List<String> columnLabels,
            @Schema(description = SPARSE_HESSIAN) SparseResponses.SparseBody sparse) {
    }

    /** The response of {@code POST /hessian}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HessianResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = ENGINE, requiredMode = Schema.RequiredMode.REQUIRED) String engine,
            @Schema(ref = VALUE, description = "The value of the scalar output.") Tensor value,
            @Schema(ref = NAMED_VALUES, description = "The gradient by each wrt input.") Map<String, Tensor> gradient,
            @Schema(ref = NAMED_VALUE_MAPS, description = "hessian[in_i][in_j] has shape in_i.shape + in_j.shape.")
            Map<String, Map<String, Tensor>> hessian,
            @ArraySchema(arraySchema = @Schema(description = HESSIAN_LABELS)) List<String> rowLabels,
            @ArraySchema(arraySchema = @Schema(description = HESSIAN_LABELS)) List<String> columnLabels,
            @Schema(description = SPARSE_HESSIAN) SparseResponses.SparseBody sparse,
            @ArraySchema(arraySchema = @Schema(description = RESULTS)) List<HessianResult> results) {

        static HessianResponse of(Invocation call, String engine, List<HessianResult> results) {
            if (call.columnar()) {
                HessianResult first = results.get(0);
                return new HessianResponse(call.graphId(), engine, Columns.stack(results, HessianResult::value),
                        Columns.stackNamed(results, HessianResult::gradient),
                        first.hessian() == null ? null : Columns.stackBlocks(results, HessianResult::hessian),
                        first.rowLabels(), first.columnLabels(),
                        first.sparse() == null ? null : SparseResponses.SparseBody.stack(results.stream().map(HessianResult::sparse).toList()),
                        null);
            }
            if (call.batch()) {
                return new HessianResponse(call.graphId(), engine, null, null, null, null, null, null, results);
            }
            HessianResult r = results.get(0);
            return new HessianResponse(call.graphId(), engine, r.value(), r.gradient(), r.hessian(), r.rowLabels(),
                    r.columnLabels(), r.sparse(), null);
        }
    }

    /** One point's result of {@code POST /jvp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JvpResult(
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @Schema(ref = NAMED_VALUES, description = "The tangent of every output: J times the tangent.")
            Map<String, Tensor> jvp) {
    }

    /** The response of {@code POST /jvp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JvpResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = ENGINE, requiredMode = Schema.RequiredMode.REQUIRED) String engine,
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @Schema(ref = NAMED_VALUES, description = "The tangent of every output: J times the tangent.")
            Map<String, Tensor> jvp,
            @ArraySchema(arraySchema = @Schema(description = RESULTS)) List<JvpResult> results) {

        static JvpResponse of(Invocation call, String engine, List<JvpResult> results) {
            if (call.columnar()) {
                return new JvpResponse(call.graphId(), engine, Columns.stackNamed(results, JvpResult::outputs),
                        Columns.stackNamed(results, JvpResult::jvp), null);
            }
            if (call.batch()) {
                return new JvpResponse(call.graphId(), engine, null, null, results);
            }
            JvpResult r = results.get(0);
            return new JvpResponse(call.graphId(), engine, r.outputs(), r.jvp(), null);
        }
    }

    /** One point's result of {@code POST /vjp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VjpResult(
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @Schema(ref = NAMED_VALUES, description = "The cotangent of every wrt input: the cotangent times J.")
            Map<String, Tensor> vjp) {
    }

    /** The response of {@code POST /vjp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VjpResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = ENGINE, requiredMode = Schema.RequiredMode.REQUIRED) String engine,
            @Schema(ref = NAMED_VALUES, description = "The value of every output, by name.") Map<String, Tensor> outputs,
            @Schema(ref = NAMED_VALUES, description = "The cotangent of every wrt input: the cotangent times J.")
            Map<String, Tensor> vjp,
            @ArraySchema(arraySchema = @Schema(description = RESULTS)) List<VjpResult> results) {

        static VjpResponse of(Invocation call, String engine, List<VjpResult> results) {
            if (call.columnar()) {
                return new VjpResponse(call.graphId(), engine, Columns.stackNamed(results, VjpResult::outputs),
                        Columns.stackNamed(results, VjpResult::vjp), null);
            }
            if (call.batch()) {
                return new VjpResponse(call.graphId(), engine, null, null, results);
            }
            VjpResult r = results.get(0);
            return new VjpResponse(call.graphId(), engine, r.outputs(), r.vjp(), null);
        }
    }
}
