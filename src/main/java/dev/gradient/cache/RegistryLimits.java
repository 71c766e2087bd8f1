package dev.gradient.cache;

import dev.gradient.config.GradientLimits;
import dev.gradient.config.RegistryProperties;
import dev.gradient.config.TenantProperties;
import dev.gradient.error.GradientException;

/**
 * The two bounds on what a registry keeps, and the 413 problems ({@code LIMIT_EXCEEDED}) for
 * passing them, the same from every registry: the global one over all namespaces
 * ({@code gradient.limits.max-registered-nodes}), which bounds the heap or the Redis memory, and
 * each tenant's quota ({@code gradient.tenants.max-registered-nodes}), so that no tenant fills the
 * registry for the others. Each problem carries, besides {@code limit}, the nodes kept now
 * ({@code usedNodes}), the bound ({@code maxNodes}) and the nodes of the refused graph
 * ({@code graphNodes}); the quota's also names the {@code tenant} where API keys are on.
 */
public final class RegistryLimits {

    /** The property of the global bound; {@link GradientLimits#maxRegisteredNodes()} documents it. */
    public static final String GLOBAL = "gradient.limits.max-registered-nodes";

    private RegistryLimits() {
    }

    /** Registering a graph of {@code graphNodes} nodes would pass the global bound {@code maxNodes}, with {@code keptNodes} kept. */
    public static GradientException globalBoundPassed(long keptNodes, int graphNodes, long maxNodes) {
        return passed(GLOBAL, "registering this graph of " + graphNodes + " nodes would keep " + (keptNodes + graphNodes)
                + " nodes in registered graphs; the limit is " + maxNodes + " (DELETE /graphs/{id} frees room)",
                keptNodes, graphNodes, maxNodes);
    }

    /** Registering a graph of {@code graphNodes} nodes would pass {@code namespace}'s quota {@code maxNodes}, with {@code usedNodes} used. */
    public static GradientException quotaPassed(String namespace, long usedNodes, int graphNodes, long maxNodes) {
        String whose = namespace.equals(RegistryProperties.DEFAULT_NAMESPACE) ? "the registry's graphs"
                : "the graphs of tenant '" + namespace + "'";
        GradientException e = passed(TenantProperties.MAX_REGISTERED_NODES, "registering this graph of " + graphNodes
                + " nodes would give " + whose + " " + (usedNodes + graphNodes) + " nodes; they hold " + usedNodes
                + " and the quota is " + maxNodes + " (GET /graphs lists them, DELETE /graphs/{id} frees room)",
                usedNodes, graphNodes, maxNodes);
        return namespace.equals(RegistryProperties.DEFAULT_NAMESPACE) ? e : e.withMember("tenant", namespace);
    }

    private static GradientException passed(String limit, String message, long usedNodes, int graphNodes, long maxNodes) {
        return GradientException.limitExceeded(limit, message).withMember("usedNodes", usedNodes)
                .withMember("maxNodes", maxNodes).withMember("graphNodes", graphNodes);
    }
}
