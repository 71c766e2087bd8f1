package dev.gradient.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gradient.sparsity.SparseMatrix;
import dev.gradient.sparsity.SparsityPattern;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The response bodies of {@code POST /hvp}, {@code /jacobian/sparsity} and {@code
 * /hessian/sparsity}, and the sparse matrices that {@code "format": "sparse"} adds to {@code
 * /jacobian} and {@code /hessian}. A sparse matrix is COO over the flattened outputs (rows)
 * and the flattened wrt inputs (columns), in order, entries sorted by row and then column, as
 * the matrix format lays them out.
 */
final class SparseResponses {

    private static final String VALUE = Responses.VALUE;
    private static final String NAMED_VALUES = Responses.NAMED_VALUES;
    private static final String GRAPH_ID = "The id of the graph, as POST /graphs gives it: a content hash of its canonical form.";
    private static final String ROW_LABELS = "A label per row, like \"f[1]\", or \"f\" for a scalar.";
    private static final String COLUMN_LABELS = "A label per column (every wrt input's elements, in order), like \"x[3]\".";

    private SparseResponses() {
    }

    /** The structural nonzeros of a matrix: where its entries may be nonzero. */
    @Schema(name = "SparsityPattern")
    record PatternBody(
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "[rows, columns]"),
                    minItems = 2, maxItems = 2) int[] shape,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The row of"
                    + " each entry, sorted.")) int[] rows,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The column of"
                    + " each entry, sorted within its row.")) int[] cols) {

        static PatternBody of(SparsityPattern pattern) {
            return new PatternBody(new int[] {pattern.rowCount(), pattern.columnCount()}, pattern.rows(), pattern.cols());
        }
    }

    /** A sparse matrix: its pattern and a value per entry. */
    @Schema(name = "SparseMatrix")
    record SparseBody(
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "[rows, columns]"),
                    minItems = 2, maxItems = 2) int[] shape,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The row of"
                    + " each entry, sorted.")) int[] rows,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The column of"
                    + " each entry, sorted within its row.")) int[] cols,
            @Schema(ref = VALUE, requiredMode = Schema.RequiredMode.REQUIRED, description = "The value of each entry; with"
                    + " columnar points, an array per point (a leading axis over the points).") Tensor values) {

        static SparseBody of(SparseMatrix matrix) {
            SparsityPattern pattern = matrix.pattern();
            return new SparseBody(new int[] {pattern.rowCount(), pattern.columnCount()}, pattern.rows(), pattern.cols(),
                    Tensor.of(Shape.of(matrix.values().length), matrix.values()));
        }

        /** One point's entries per point, the pattern shared: every point of a columnar batch runs one function. */
        static SparseBody stack(List<SparseBody> points) {
            SparseBody first = points.get(0);
            return new SparseBody(first.shape, first.rows, first.cols, Columns.stack(points, SparseBody::values));
        }
    }

    /** One point's result of {@code POST /hvp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HvpResult(
            @Schema(ref = VALUE, description = "The value of the scalar output.") Tensor value,
            @Schema(ref = NAMED_VALUES, description = "The gradient by each wrt input.") Map<String, Tensor> gradient,
            @Schema(ref = NAMED_VALUES, description = "The Hessian times the tangent, by each wrt input, of that input's"
                    + " shape.") Map<String, Tensor> hvp) {
    }

    /** The response of {@code POST /hvp}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HvpResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(description = "The engine that ran; never \"auto\".", requiredMode = Schema.RequiredMode.REQUIRED)
            String engine,
            @Schema(ref = VALUE, description = "The value of the scalar output.") Tensor value,
            @Schema(ref = NAMED_VALUES, description = "The gradient by each wrt input.") Map<String, Tensor> gradient,
            @Schema(ref = NAMED_VALUES, description = "The Hessian times the tangent, by each wrt input.")
            Map<String, Tensor> hvp,
            @ArraySchema(arraySchema = @Schema(description = "With \"points\" an array: one result per point, in order."
                    + " With \"points\" columnar, absent: the per-point fields are at the top, each value with a leading"
                    + " axis over the points.")) List<HvpResult> results) {

        static HvpResponse of(Invocation call, String engine, List<HvpResult> results) {
            if (call.columnar()) {
                return new HvpResponse(call.graphId(), engine, Columns.stack(results, HvpResult::value),
                        Columns.stackNamed(results, HvpResult::gradient), Columns.stackNamed(results, HvpResult::hvp), null);
            }
            if (call.batch()) {
                return new HvpResponse(call.graphId(), engine, null, null, null, results);
            }
            HvpResult r = results.get(0);
            return new HvpResponse(call.graphId(), engine, r.value(), r.gradient(), r.hvp(), null);
        }
    }

    /** The response of {@code POST /jacobian/sparsity}. */
    record JacobianSparsityResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The structural nonzeros of the Jacobian of"
                    + " every output by the wrt inputs.") PatternBody pattern,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ROW_LABELS))
            List<String> rowLabels,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = COLUMN_LABELS))
            List<String> columnLabels,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The colours of the pattern's columns"
                    + " (JVPs that format \"sparse\" takes in forward mode) and of its rows (VJPs in reverse mode), and"
                    + " the largest row degree, below which no column colouring goes.") JacobianColours colours) {
    }

    /** How many products a sparse Jacobian takes. */
    record JacobianColours(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") int columns,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") int rows,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") int maxRowDegree) {
    }

    /** The response of {@code POST /hessian/sparsity}. */
    record HessianSparsityResponse(
            @Schema(description = GRAPH_ID, requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The structural nonzeros of the Hessian of"
                    + " the scalar output by the wrt inputs: symmetric.") PatternBody pattern,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = COLUMN_LABELS))
            List<String> rowLabels,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = COLUMN_LABELS))
            List<String> columnLabels,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The colours of a star colouring of the"
                    + " pattern: the Hessian-vector products that format \"sparse\" takes.", example = "3") int colours) {
    }
}
