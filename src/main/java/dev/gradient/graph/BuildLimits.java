package dev.gradient.graph;

/**
 * The bounds that {@link GraphBuilder} enforces while it builds a graph, before anything runs.
 *
 * @param maxNodes the most nodes one graph may have after composite ops are expanded
 * @param maxElements the most elements one tensor may have
 * @param maxCost the most estimated element operations for one evaluation
 */
public record BuildLimits(int maxNodes, long maxElements, long maxCost) {

    /** No practical bound: for tests and for graphs the service builds itself from bounded ones. */
    public static final BuildLimits NONE = new BuildLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
}
