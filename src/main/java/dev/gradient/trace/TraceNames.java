package dev.gradient.trace;

import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;

/**
 * The survey's names for a graph's nodes: the n inputs are {@code v-(n-1)} ... {@code v0} in
 * input order, the ops {@code v1}, {@code v2}, ... in node order, and the constants {@code c1},
 * {@code c2}, ... (the survey writes constants inline; a trace names them so that a row can
 * point at them). Tangents and adjoints add a dot or a bar: {@code v̇1}, {@code v̄1}.
 */
final class TraceNames {

    static final String DOT = "\u0307";
    static final String BAR = "\u0304";

    private final String[] names;

    TraceNames(ShapedGraph graph) {
        names = new String[graph.size()];
        int inputs = graph.inputs().size();
        for (int k = 0; k < inputs; k++) {
            names[graph.inputs().get(k)] = "v" + (k + 1 - inputs);
        }
        int ops = 0;
        int constants = 0;
        for (int i = 0; i < names.length; i++) {
            Node node = graph.nodes().get(i);
            if (node instanceof Node.Apply) {
                names[i] = "v" + (++ops);
            } else if (node instanceof Node.Const) {
                names[i] = "c" + (++constants);
            }
        }
    }

    /** The name of node {@code i}. */
    String of(int i) {
        return names[i];
    }

    /** The name of node {@code i}'s tangent. */
    String tangent(int i) {
        return marked(names[i], DOT);
    }

    /** The name of node {@code i}'s adjoint. */
    String adjoint(int i) {
        return marked(names[i], BAR);
    }

    private static String marked(String name, String mark) {
        return name.charAt(0) + mark + name.substring(1);
    }
}
