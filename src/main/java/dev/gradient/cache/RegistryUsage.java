package dev.gradient.cache;

/**
 * What one namespace keeps in a registry: how many graphs, and how many nodes over them (what its
 * quota, {@code gradient.tenants.max-registered-nodes}, bounds).
 *
 * @param graphs the graphs kept
 * @param nodes their nodes, together
 */
public record RegistryUsage(long graphs, long nodes) {

    /** A namespace that keeps nothing. */
    public static final RegistryUsage NONE = new RegistryUsage(0, 0);

    /** This usage with {@code other}'s added (a negative one takes away). */
    public RegistryUsage plus(RegistryUsage other) {
        return new RegistryUsage(graphs + other.graphs, nodes + other.nodes);
    }
}
