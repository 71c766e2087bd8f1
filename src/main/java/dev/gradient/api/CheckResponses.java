package dev.gradient.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gradient.engine.GradientCheck;
import dev.gradient.parse.Values;
import dev.gradient.tensor.Shape;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The response of {@code POST /check}: per AD engine and per wrt input, how its Jacobian
 * compares with the numeric engine's, and a verdict. As for the other endpoints, a batch moves
 * the per-point fields into {@code results}; {@code graphId}, the verdict over all points and
 * the tolerances stay at the top.
 */
final class CheckResponses {

    private static final String VALUE = Responses.VALUE;
    private static final String ENGINES = "Per AD engine, by name: how its Jacobian compares with the numeric engine's.";

    private CheckResponses() {
    }

    /** How one engine's derivatives by one input compare with the numeric ones. */
    @Schema(name = "InputCheck")
    record InputCheck(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether every entry agrees.") boolean passed,
            @Schema(ref = VALUE, requiredMode = Schema.RequiredMode.REQUIRED, description = "The largest |a - n| over the"
                    + " entries by this input (a: the engine's, n: the numeric engine's); \"Infinity\" where a non-finite"
                    + " entry disagrees.") JsonNode maxAbsDiff,
            @Schema(ref = VALUE, requiredMode = Schema.RequiredMode.REQUIRED, description = "The largest |a - n| / |n| over"
                    + " the entries where n is not 0.") JsonNode maxRelDiff,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many entries disagree.") long mismatchCount) {
    }

    /** A Jacobian entry on which an engine and the numeric engine disagree. */
    @Schema(name = "CheckMismatch")
    record Mismatch(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The output element, labelled as /jacobian's"
                    + " rowLabels.", example = "f[1]") String output,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The input element, labelled as /jacobian's"
                    + " columnLabels.", example = "x") String input,
            @Schema(ref = VALUE, requiredMode = Schema.RequiredMode.REQUIRED, description = "The engine's derivative.")
            JsonNode derivative,
            @Schema(ref = VALUE, requiredMode = Schema.RequiredMode.REQUIRED, description = "The numeric engine's.")
            JsonNode numeric) {

        static Mismatch of(GradientCheck.Mismatch m, Point p, List<String> wrt) {
            Shape[] out = p.outputShapes();
            Shape[] in = wrt.stream().map(p::inputShape).toArray(Shape[]::new);
            return new Mismatch(Results.label(p.outputNames(), out, m.row()), Results.label(wrt, in, m.column()),
                    Values.number(m.derivative()), Values.number(m.numeric()));
        }
    }

    /** How one engine compares. */
    @Schema(name = "EngineCheck")
    record EngineCheck(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether every entry agrees.") boolean passed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many entries disagree, over all inputs.")
            long mismatchCount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Per wrt input, in order.")
            Map<String, InputCheck> inputs,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The first "
                    + GradientCheck.LISTED + " disagreeing entries: by wrt input, then by output, row-major within each"
                    + " Jacobian block.")) List<Mismatch> mismatches) {

        static EngineCheck of(GradientCheck.EngineReport report, Point p, List<String> wrt) {
            Map<String, InputCheck> inputs = new LinkedHashMap<>();
            for (int j = 0; j < wrt.size(); j++) {
                GradientCheck.InputReport r = report.inputs().get(j);
                inputs.put(wrt.get(j), new InputCheck(r.passed(), Values.number(r.maxAbsDiff()),
                        Values.number(r.maxRelDiff()), r.mismatches()));
            }
            return new EngineCheck(report.passed(), report.mismatches(), inputs,
                    report.listed().stream().map(m -> Mismatch.of(m, p, wrt)).toList());
        }
    }

    /** One point's result. */
    @Schema(name = "CheckResult")
    record CheckResult(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether every engine passed at this point.")
            boolean passed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ENGINES) Map<String, EngineCheck> engines) {

        static CheckResult of(GradientCheck.Report report, Point p, List<String> wrt) {
            Map<String, EngineCheck> engines = new LinkedHashMap<>();
            for (GradientCheck.EngineReport r : report.engines()) {
                engines.put(r.engine(), EngineCheck.of(r, p, wrt));
            }
            return new CheckResult(report.passed(), engines);
        }
    }

    /** The response of {@code POST /check}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CheckResponse")
    record CheckResponse(
            @Schema(description = "The id of the graph that ran, as POST /graphs gives it.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String graphId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether every engine passed, at every"
                    + " point.") boolean passed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The engine the AD engines are compared"
                    + " with.", example = "numeric") String reference,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The absolute tolerance used.") double atol,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The relative tolerance used.") double rtol,
            @Schema(description = ENGINES + " Absent with \"points\".") Map<String, EngineCheck> engines,
            @ArraySchema(arraySchema = @Schema(description = "With \"points\": one result per point, in order.")) List<CheckResult> results) {

        static CheckResponse of(Invocation call, String reference, GradientCheck.Tolerance tolerance, List<CheckResult> results) {
            boolean passed = results.stream().allMatch(CheckResult::passed);
            return new CheckResponse(call.graphId(), passed, reference, tolerance.atol(), tolerance.rtol(),
                    call.batch() ? null : results.get(0).engines(), call.batch() ? results : null);
        }
    }
}
