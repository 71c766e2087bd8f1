package dev.gradient.api;

import dev.gradient.api.Responses.HessianResult;
import dev.gradient.api.Responses.JacobianResult;
import dev.gradient.config.GradientLimits;
import dev.gradient.engine.Engine;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.sparsity.SparseDerivatives;
import dev.gradient.sparsity.SparsePlan;
import dev.gradient.tensor.Shape;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code "format": "sparse"} on {@code /jacobian} and {@code /hessian}: the plan (pattern and
 * colouring, made once per compiled function and kept), the request's cost admitted from it,
 * and the entries at every point. For a Jacobian, {@code "auto"} picks the engine whose
 * colouring takes the fewest products (columns for forward mode, rows for reverse mode; the
 * first engine on a tie), since a sparse Jacobian costs by its colours, not by its sizes.
 */
@Component
final class SparseProducts {

    /** What a dense result that is too large says, so that the client learns of the sparse format. */
    static final String SPARSE_HINT = "; format \"sparse\" gives only the structural nonzeros, computed by colouring";

    private final SparseDerivatives sparse;
    private final EngineRegistry engines;
    private final GradientLimits limits;

    SparseProducts(SparseDerivatives sparse, EngineRegistry engines, GradientLimits limits) {
        this.sparse = sparse;
        this.engines = engines;
        this.limits = limits;
    }

    /** The engine named at {@code engineField} for a sparse Jacobian by {@code wrt}; for {@code "auto"}, the one of fewest products. */
    Engine jacobianEngine(Invocation call, JsonNode engineField, List<String> wrt) {
        return call.engine(engineField, p -> fewestProducts(p, wrt, allOutputs(call)));
    }

    /** The sparse Jacobian of every output by {@code wrt} at every point of {@code call}, by {@code engine}. */
    List<JacobianResult> jacobian(Invocation call, Engine engine, List<String> wrt) {
        int[] outputs = allOutputs(call);
        call.admit(p -> SparseDerivatives.jacobianCost(engine, p.compiled(), p.inputIndices(wrt), outputs,
                plan(() -> sparse.jacobianPlan(engine, p.compiled(), p.inputIndices(wrt), outputs, limits.maxCost()))));
        return call.map(p -> {
            int[] in = p.inputIndices(wrt);
            SparsePlan plan = sparse.jacobianPlan(engine, p.compiled(), in, outputs, limits.maxCost());
            SparseDerivatives.SparseJacobian j = sparse.jacobian(engine, p.compiled(), p.arguments(), in, outputs, plan);
            Shape[] out = p.outputShapes();
            return new JacobianResult(Results.named(p.outputNames(), j.outputs()), null, null,
                    Results.labels(p.outputNames(), out), columnLabels(p, wrt), SparseResponses.SparseBody.of(j.jacobian()));
        });
    }

    /** The sparse Hessian of output {@code output} by {@code wrt} at every point of {@code call}, by {@code engine}'s HVPs. */
    List<HessianResult> hessian(Invocation call, Engine engine, List<String> wrt, int output) {
        call.admit(p -> SparseDerivatives.hessianCost(engine, p.compiled(), p.inputIndices(wrt), output,
                plan(() -> sparse.hessianPlan(p.compiled(), p.inputIndices(wrt), output, limits.maxCost()))));
        return call.map(p -> {
            int[] in = p.inputIndices(wrt);
            SparsePlan plan = sparse.hessianPlan(p.compiled(), in, output, limits.maxCost());
            SparseDerivatives.SparseHessian h = sparse.hessian(engine, p.compiled(), p.arguments(), in, output, plan);
            List<String> labels = columnLabels(p, wrt);
            return new HessianResult(h.value(), Results.named(wrt, h.gradient()), null, labels, labels,
                    SparseResponses.SparseBody.of(h.hessian()));
        });
    }

    /** The engine, among those {@code "auto"} may pick, whose colouring of this Jacobian takes the fewest products. */
    private Engine fewestProducts(Point p, List<String> wrt, int[] outputs) {
        Engine best = null;
        int fewest = Integer.MAX_VALUE;
        for (Engine engine : engines.all()) {
            if (!engine.automatic()) {
                continue;
            }
            int sweeps = plan(() -> sparse.jacobianPlan(engine, p.compiled(), p.inputIndices(wrt), outputs, limits.maxCost()))
                    .sweeps();
            if (sweeps < fewest) {
                best = engine;
                fewest = sweeps;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no engine may be chosen automatically");
        }
        return best;
    }

    /** The labels of the wrt inputs' elements at point {@code p}, in order: the columns of a Jacobian, the rows and columns of a Hessian. */
    static List<String> columnLabels(Point p, List<String> wrt) {
        return Results.labels(wrt, wrt.stream().map(p::inputShape).toArray(Shape[]::new));
    }

    /** Every output's index, in order. */
    static int[] allOutputs(Invocation call) {
        int[] outputs = new int[call.outputNames().size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = k;
        }
        return outputs;
    }

    /** A plan, whose refusal (a pattern or colouring past {@code max-cost}) says that it is the sparse format's. */
    private static SparsePlan plan(Supplier<SparsePlan> make) {
        try {
            return make.get();
        } catch (GradientException e) {
            if (e.code() != ErrorCode.LIMIT_EXCEEDED) {
                throw e;
            }
            throw e.withMessage(e.getMessage() + " (finding the sparsity pattern and colouring of format \"sparse\")");
        }
    }
}
