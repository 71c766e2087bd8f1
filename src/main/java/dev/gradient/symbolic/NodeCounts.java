package dev.gradient.symbolic;

import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The sizes that show expression swell, every node counted (inputs and constants too): the
 * function's graph as compiled, the derivative with shared subexpressions, and the formulas
 * each would be fully written out as a tree. The trees are never built: a node's tree size is
 * one plus its arguments' tree sizes, computed in one pass over the DAG in topological order, in
 * a double (exact up to 2^53, and saturating at infinity rather than overflowing).
 *
 * @param function the function's nodes that its differentiated output depends on
 * @param functionExpanded the nodes of that output written out as a tree
 * @param derivative the derivative's nodes, with sharing
 * @param expanded the nodes of every derivative output written out as a tree, summed
 */
public record NodeCounts(
        @Schema(description = "The function's nodes that the output depends on.") long function,
        @Schema(description = "The nodes of the function written out as a tree.") double functionExpanded,
        @Schema(description = "The derivative's nodes, with sharing.") long derivative,
        @Schema(description = "The nodes of the derivative written out as trees (counted, not built).") double expanded) {

    /** The counts of {@code graph}'s output {@code output} and of the derivative {@code dag} with outputs {@code outputs}. */
    static NodeCounts of(ShapedGraph graph, int output, Dag dag, List<Integer> outputs) {
        int n = graph.size();
        int[][] args = new int[n][];
        for (int i = 0; i < n; i++) {
            args[i] = graph.nodes().get(i) instanceof Node.Apply apply
                    ? apply.args().stream().mapToInt(Integer::intValue).toArray() : new int[0];
        }
        int[][] dagArgs = new int[dag.entries().size()][];
        for (int i = 0; i < dagArgs.length; i++) {
            int[] a = dag.get(i).args();
            dagArgs[i] = a == null ? new int[0] : a;
        }
        int[] roots = outputs.stream().mapToInt(Integer::intValue).toArray();
        int[] functionRoot = {graph.outputs().get(output)};
        return new NodeCounts(reachable(args, functionRoot), treeSize(args, functionRoot),
                reachable(dagArgs, roots), treeSize(dagArgs, roots));
    }

    /** How many nodes {@code roots} depend on, themselves included; arguments come before their nodes. */
    static long reachable(int[][] args, int[] roots) {
        boolean[] needed = marked(args, roots);
        long count = 0;
        for (boolean b : needed) {
            count += b ? 1 : 0;
        }
        return count;
    }

    /** Which nodes {@code roots} depend on, themselves included. */
    static boolean[] marked(int[][] args, int[] roots) {
        boolean[] needed = new boolean[args.length];
        for (int r : roots) {
            needed[r] = true;
        }
        for (int i = args.length - 1; i >= 0; i--) {
            if (needed[i]) {
                for (int a : args[i]) {
                    needed[a] = true;
                }
            }
        }
        return needed;
    }

    private static double treeSize(int[][] args, int[] roots) {
        double[] size = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            double s = 1;
            for (int a : args[i]) {
                s += size[a];
            }
            size[i] = s;
        }
        double total = 0;
        for (int r : roots) {
            total += size[r];
        }
        return total;
    }
}
