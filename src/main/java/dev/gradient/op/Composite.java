package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;

/**
 * An op defined by other ops. It has no derivative rules of its own: the graph compiler
 * expands it where it is used, and engines differentiate the expansion.
 */
public non-sealed interface Composite extends Op {

    /**
     * Adds the nodes that compute this op on {@code args} to {@code b} and returns the node
     * of the result; throws a {@code GradientException} where the arguments do not fit.
     */
    int expand(GraphBuilder b, int[] args, Attrs attrs);
}
