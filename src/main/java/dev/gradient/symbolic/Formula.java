package dev.gradient.symbolic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A derivative as a DAG with named outputs, ready to be written out in any form.
 *
 * @param dag the nodes
 * @param inputs the nodes of the function's inputs, in input order (every input, used or not, so
 *     that the formula takes the function's points)
 * @param outputNames the name of each output, such as {@code d_x}
 * @param outputs the node of each output
 */
record Formula(Dag dag, List<Integer> inputs, List<String> outputNames, List<Integer> outputs) {

    /** The input and output names, which a written form's other names must avoid. */
    Set<String> names() {
        Set<String> names = new HashSet<>(outputNames);
        for (int input : inputs) {
            names.add(dag.get(input).input());
        }
        return names;
    }

    /** Which nodes the outputs depend on. */
    boolean[] needed() {
        int[][] args = new int[dag.entries().size()][];
        for (int i = 0; i < args.length; i++) {
            int[] a = dag.get(i).args();
            args[i] = a == null ? new int[0] : a;
        }
        return NodeCounts.marked(args, outputs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether every node the outputs need is a scalar, as the C form needs. */
    boolean allScalar() {
        boolean[] needed = needed();
        for (int i = 0; i < needed.length; i++) {
            if (needed[i] && !dag.shape(i).isScalar()) {
                return false;
            }
        }
        return true;
    }

    /** How many times each node is read by a needed node or an output. */
    int[] uses(boolean[] needed) {
        int[] uses = new int[needed.length];
        for (int i = 0; i < needed.length; i++) {
            int[] args = dag.get(i).args();
            if (needed[i] && args != null) {
                for (int a : args) {
                    uses[a]++;
                }
            }
        }
        for (int out : outputs) {
            uses[out]++;
        }
        return uses;
    }
}
