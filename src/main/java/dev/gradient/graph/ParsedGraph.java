package dev.gradient.graph;

import java.util.Objects;

/**
 * A graph with its id, the content hash of its canonical form that responses report as
 * {@code graphId}. Immutable.
 */
public record ParsedGraph(String id, Graph graph) {

    /** Both are required. */
    public ParsedGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(graph, "graph");
    }

    /** How many nodes the graph has, as the client wrote it (before composite ops are expanded). */
    public int nodeCount() {
        return graph.nodes().size();
    }
}
