package dev.gradient.engine;

import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Jvp;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Tensor;
import java.util.List;
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
    public boolean forwardNative() {
        return true;
    }

    @Override
    public Tensor[][] jvp(Compiled function, Tensor[] point, int[] wrt, int[] outputs, Tensor[][] tangents) {
        ShapedGraph graph = function.graph();
        Tensor[] values = Evaluator.evaluate(graph, point);
        int directions = tangents.length;
        Tensor[][] nodeTangents = new Tensor[graph.size()][];
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
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Node.Apply apply) {
                nodeTangents[i] = propagate(apply, values, nodeTangents, directions, i);
            }
        }
        Tensor[][] result = new Tensor[directions][outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            int node = graph.outputs().get(outputs[k]);
            for (int d = 0; d < directions; d++) {
                Tensor t = nodeTangents[node] == null ? null : nodeTangents[node][d];
                result[d][k] = t != null ? t : Tensor.zeros(graph.shape(node));
            }
        }
        return result;
    }

    private static Tensor[] propagate(Node.Apply apply, Tensor[] values, Tensor[][] nodeTangents, int directions, int i) {
        List<Integer> args = apply.args();
        boolean any = false;
        for (int arg : args) {
            any |= nodeTangents[arg] != null;
        }
        if (!any) {
            return null;
        }
        Jvp jvp = ((Primitive) apply.op()).linearize(Evaluator.argValues(apply, values), values[i], apply.attrs());
        Tensor[] out = new Tensor[directions];
        boolean nonZero = false;
        Tensor[] argTangents = new Tensor[args.size()];
        for (int d = 0; d < directions; d++) {
            boolean anyInDirection = false;
            for (int j = 0; j < argTangents.length; j++) {
                Tensor[] t = nodeTangents[args.get(j)];
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
    public Tensor[][] vjp(Compiled function, Tensor[] point, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        return Jacobians.vjpFromJvp(this, function, point, wrt, outputs, cotangents);
    }
}
