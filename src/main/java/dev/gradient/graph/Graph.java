package dev.gradient.graph;

import dev.gradient.error.Origin;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A function as a client defined it: nodes in topological order, the inputs in their order,
 * and the outputs in the order results are reported (an output is named by its node's id).
 *
 * <p>Immutable and validated on construction: every argument refers to an earlier node, ids
 * are unique, inputs are {@link Node.Input} nodes and every input node is listed. Shapes are
 * not known yet: {@link GraphCompiler} types a graph for the shapes of a given point. The
 * {@code origins} say where each node came from in the request, for error messages; they are
 * not part of the graph's identity.
 */
public final class Graph {

    private final List<Node> nodes;
    private final List<Integer> inputs;
    private final List<Integer> outputs;
    private final List<String> outputNames;
    private final List<Origin> origins;
    private final List<String> inputNames;
    private final Map<String, Integer> inputIndex;

    /** A graph whose outputs are named by their nodes' ids; see the class comment for what is checked. */
    public Graph(List<Node> nodes, List<Integer> inputs, List<Integer> outputs, List<Origin> origins) {
        this(nodes, inputs, outputs, outputs.stream().map(i -> nodes.get(i).id()).toList(), origins);
    }

    /**
     * A graph whose outputs are reported under {@code outputNames}, which may differ from the
     * nodes' ids: an expression's output is named {@code f} even where an input is also called
     * {@code f}, and ids must be unique.
     */
    public Graph(List<Node> nodes, List<Integer> inputs, List<Integer> outputs, List<String> outputNames,
            List<Origin> origins) {
        this.nodes = List.copyOf(nodes);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.outputNames = List.copyOf(outputNames);
        this.origins = List.copyOf(origins);
        validate();
        this.inputNames = this.inputs.stream().map(i -> this.nodes.get(i).id()).toList();
        this.inputIndex = indexOf(inputNames);
    }

    /** Each name's position in {@code names}, as an unmodifiable map. */
    public static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return Collections.unmodifiableMap(index);
    }

    private void validate() {
        if (origins.size() != nodes.size()) {
            throw new IllegalArgumentException("one origin per node expected");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a graph needs at least one output");
        }
        Set<String> ids = new HashSet<>();
        int inputNodes = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("duplicate node id " + node.id());
            }
            if (node instanceof Node.Input) {
                inputNodes++;
            }
            if (node instanceof Node.Apply apply) {
                for (int arg : apply.args()) {
                    if (arg < 0 || arg >= i) {
                        throw new IllegalArgumentException("node " + node.id() + " refers to a later node");
                    }
                }
            }
        }
        for (int input : inputs) {
            if (!(nodes.get(input) instanceof Node.Input)) {
                throw new IllegalArgumentException("input " + input + " is not an input node");
            }
        }
        if (new HashSet<>(inputs).size() != inputs.size() || inputs.size() != inputNodes) {
            throw new IllegalArgumentException("every input node must be listed once among the inputs");
        }
        for (int output : outputs) {
            Objects.checkIndex(output, nodes.size());
        }
        if (outputNames.size() != outputs.size() || new HashSet<>(outputNames).size() != outputNames.size()) {
            throw new IllegalArgumentException("one distinct name per output expected");
        }
    }

    /** The nodes, in topological order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Positions of the input nodes, in input order. */
    public List<Integer> inputs() {
        return inputs;
    }

    /** Positions of the output nodes, in output order. */
    public List<Integer> outputs() {
        return outputs;
    }

    /** Where each node came from in the request. */
    public List<Origin> origins() {
        return origins;
    }

    /** The input node at input position {@code i}. */
    public Node.Input input(int i) {
        return (Node.Input) nodes.get(inputs.get(i));
    }

    /** The names of the inputs, in order. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** Each input's position in input order, by name. */
    public Map<String, Integer> inputIndex() {
        return inputIndex;
    }

    /** The names of the outputs, in order. */
    public List<String> outputNames() {
        return outputNames;
    }
}
