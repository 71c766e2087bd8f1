package dev.gradient.engine;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the reverse pass of a shaped graph as more graph nodes: the adjoint graph. It keeps
 * every node of the original at the same position, adds one cotangent input per pulled-back
 * output, and outputs the cotangent of each differentiated input.
 *
 * <p>Because the result is an ordinary graph, engines can differentiate it again: the forward
 * engine over it gives Hessians (forward over reverse). Contributions from elements that a
 * {@code where} did not select are replaced by exact zeros (the live masks of {@link
 * Primitive#liveMask}), so that NaN or infinite local derivatives there cannot leak.
 *
 * <p>Iterative: one loop from the last node to the first, whatever the graph's depth.
 */
final class ReverseTransform {

    private static final int UNSET = -2;
    private static final int ALL_LIVE = -1;

    private ReverseTransform() {
    }

    /**
     * The adjoint of {@code graph} for the inputs at node positions {@code wrt} and the
     * outputs at output indices {@code outputs}.
     */
    static Adjoint build(ShapedGraph graph, int[] wrt, int[] outputs, BuildLimits limits) {
        int n = graph.size();
        boolean[] active = activeNodes(graph, wrt);
        GraphBuilder b = GraphBuilder.extending(graph, limits);
        int[] cotangent = new int[n];
        int[] mask = new int[n];
        Arrays.fill(cotangent, -1);
        Arrays.fill(mask, UNSET);
        int[] cotangentInputs = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            int node = graph.outputs().get(outputs[k]);
            cotangentInputs[k] = b.input("cotangent of " + graph.outputNames().get(outputs[k]), graph.shape(node));
            if (active[node]) {
                accumulate(b, cotangent, mask, node, cotangentInputs[k], ALL_LIVE);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (cotangent[i] < 0 || !(graph.nodes().get(i) instanceof Node.Apply apply)) {
                continue;
            }
            Primitive op = (Primitive) apply.op();
            int[] args = apply.args().stream().mapToInt(Integer::intValue).toArray();
            boolean[] needed = needed(args, active);
            int[] contributions = op.vjp(b, args, i, cotangent[i], apply.attrs(), needed);
            for (int j = 0; j < args.length; j++) {
                if (contributions[j] < 0 || !needed[j]) {
                    continue;
                }
                int argMask = op.liveMask(b, j, args, i, mask[i] == ALL_LIVE ? -1 : mask[i], apply.attrs());
                int contribution = contributions[j];
                if (argMask >= 0) {
                    contribution = b.call("where", argMask, contribution, b.constant(0.0));
                }
                accumulate(b, cotangent, mask, args[j], contribution, argMask < 0 ? ALL_LIVE : argMask);
            }
        }
        List<Integer> gradients = new ArrayList<>(wrt.length);
        List<String> names = new ArrayList<>(wrt.length);
        for (int w : wrt) {
            gradients.add(cotangent[w] >= 0 ? cotangent[w] : b.broadcastTo(b.constant(0.0), graph.shape(w)));
            names.add(graph.nodes().get(w).id());
        }
        return new Adjoint(b.build(gradients, names), n, cotangentInputs);
    }

    private static void accumulate(GraphBuilder b, int[] cotangent, int[] mask, int node, int contribution, int live) {
        cotangent[node] = cotangent[node] < 0 ? contribution : b.call("add", cotangent[node], contribution);
        if (mask[node] == UNSET) {
            mask[node] = live;
        } else if (mask[node] != ALL_LIVE) {
            mask[node] = live == ALL_LIVE ? ALL_LIVE : b.call("maximum", mask[node], live);
        }
    }

    /** Which of the arguments {@code args} are active: depend on a differentiated input. */
    static boolean[] needed(int[] args, boolean[] active) {
        boolean[] needed = new boolean[args.length];
        for (int j = 0; j < args.length; j++) {
            needed[j] = active[args[j]];
        }
        return needed;
    }

    /** The nodes that depend on any of the nodes {@code wrt}. */
    static boolean[] activeNodes(ShapedGraph graph, int[] wrt) {
        boolean[] active = new boolean[graph.size()];
        for (int w : wrt) {
            active[w] = true;
        }
        for (int i = 0; i < active.length; i++) {
            if (graph.nodes().get(i) instanceof Node.Apply apply) {
                for (int arg : apply.args()) {
                    active[i] |= active[arg];
                }
            }
        }
        return active;
    }
}
