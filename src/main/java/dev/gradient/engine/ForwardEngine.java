package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Jvp;
import dev.gradient.op.Primitive;
import dev.gradient.program.ElementOperations;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Tensor;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Forward mode in vector form: one sweep over the graph carries every tangent direction at
 * once, and each op's local derivative is computed once per node ({@link Primitive#linearize})
 * and applied to all directions. A Jacobian with n columns is one sweep with n directions.
 * Tangents that are known to be zero are never materialised.
 */
@Component
public final class ForwardEngine implements Engine {

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public String description() {
        return "Forward mode (tangent propagation), vector form: one sweep carries all tangent directions; "
                + "cheapest when the differentiated inputs have fewer elements than the outputs.";
    }

    @Override
    public Set<Product> nativeProducts() {
        return Set.of(Product.JVP);
    }

    @Override
    public long directionsCost(Compiled f, int[] wrt, int[] outputs, long directions) {
        // per block of directions the local derivatives once, then one application per direction
        long blocks = (directions + Jacobians.BLOCK - 1) / Jacobians.BLOCK;
        return Cost.multiply(Cost.add(directions, blocks), f.graph().cost());
    }

    @Override
    public Tensor[][] jvp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] tangents) {
        Compiled function = at.function();
        ShapedGraph graph = function.graph();
        Plan plan = function.plan();
        Tensor[] values = at.values();
        int directions = tangents.length;
        Tensor[][] nodeTangents = new Tensor[plan.size()][];
        int[] wrtNodes = function.nodePositions(wrt);
        for (int j = 0; j < wrtNodes.length; j++) {
            Tensor[] seeds = nodeTangents[wrtNodes[j]] == null ? new Tensor[directions] : nodeTangents[wrtNodes[j]];
            for (int d = 0; d < directions; d++) {
                if (tangents[d][j] != null) {
                    seeds[d] = seeds[d] == null ? tangents[d][j] : add(seeds[d], tangents[d][j]);
                }
            }
            nodeTangents[wrtNodes[j]] = seeds;
        }
        long[] counter = ElementOperations.counter();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.op(i) != null) {
                nodeTangents[i] = propagate(plan, i, values, nodeTangents, directions);
                if (counter != null && nodeTangents[i] != null) {
                    // the local derivative once, then one application of it per direction
                    counter[0] += plan.cost(i) * (1L + directions);
                }
            }
        }
        Tensor[][] result = new Tensor[directions][outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            int node = plan.outputSlot(outputs[k]);
            for (int d = 0; d < directions; d++) {
                Tensor t = nodeTangents[node] == null ? null : nodeTangents[node][d];
                result[d][k] = t != null ? t : Tensor.zeros(graph.shape(node));
            }
        }
        return result;
    }

    private static Tensor[] propagate(Plan plan, int i, Tensor[] values, Tensor[][] nodeTangents, int directions) {
        int[] args = plan.args(i);
        boolean any = false;
        boolean[] withTangents = new boolean[args.length];
        for (int j = 0; j < args.length; j++) {
            withTangents[j] = nodeTangents[args[j]] != null;
            any |= withTangents[j];
        }
        if (!any) {
            return null;
        }
        Jvp jvp = plan.op(i).linearize(Plan.gather(args, values), values[i], plan.attrs(i), withTangents);
        Tensor[] out = new Tensor[directions];
        boolean nonZero = false;
        Tensor[] argTangents = new Tensor[args.length];
        for (int d = 0; d < directions; d++) {
            boolean anyInDirection = false;
            for (int j = 0; j < argTangents.length; j++) {
                Tensor[] t = nodeTangents[args[j]];
                argTangents[j] = t == null ? null : t[d];
                anyInDirection |= argTangents[j] != null;
            }
            out[d] = anyInDirection ? jvp.apply(argTangents) : null;
            nonZero |= out[d] != null;
        }
        return nonZero ? out : null;
    }

    private static Tensor add(Tensor a, Tensor b) {
        double[] sum = a.values().clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b.get(i);
        }
        return Tensor.of(a.shape(), sum);
    }

    @Override
    public Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        return Jacobians.vjpFromJvp(this, at, wrt, outputs, cotangents);
    }
}
