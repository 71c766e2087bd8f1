package dev.gradient.cache;

import java.time.Instant;
import java.util.Objects;

/**
 * One graph that a namespace keeps, as {@code GET /graphs} lists it: its id, its node count (what
 * it takes from the namespace's quota) and when the namespace first registered it.
 *
 * @param id the graph's id, the content hash of its canonical form
 * @param nodeCount the graph's nodes, as {@link dev.gradient.graph.ParsedGraph#nodeCount()} counts them
 * @param created when it was first registered in this namespace, to the millisecond; registering it
 *     again does not change it
 */
public record RegisteredGraph(String id, int nodeCount, Instant created) {

    /** Checks that every part is there. */
    public RegisteredGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        if (nodeCount < 0) {
            throw new IllegalArgumentException("nodeCount must be zero or more, got " + nodeCount);
        }
    }
}
