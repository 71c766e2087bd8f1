package dev.gradient.config;

import java.util.HashMap;
import java.util.Map;

/**
 * How many registered nodes each registry namespace may keep: a tenant's own
 * {@link ApiKeyProperties.ApiKey#maxRegisteredNodes} where one of its keys sets it, else
 * {@link TenantProperties#maxRegisteredNodes}. Without API keys the one namespace, that of every
 * request, has the default. Immutable.
 */
public final class TenantQuotas {

    private final long defaultMaxNodes;
    private final Map<String, Long> maxNodesByTenant;

    private TenantQuotas(long defaultMaxNodes, Map<String, Long> maxNodesByTenant) {
        this.defaultMaxNodes = defaultMaxNodes;
        this.maxNodesByTenant = Map.copyOf(maxNodesByTenant);
    }

    /**
     * The quotas of {@code keys}' tenants over the default of {@code tenants}. Two keys of one
     * tenant that set different quotas are a configuration error.
     */
    public static TenantQuotas of(TenantProperties tenants, ApiKeyProperties keys) {
        Map<String, Long> own = new HashMap<>();
        for (ApiKeyProperties.ApiKey key : keys.apiKeys()) {
            if (key.maxRegisteredNodes() == null) {
                continue;
            }
            Long other = own.putIfAbsent(key.tenant(), key.maxRegisteredNodes());
            if (other != null && !other.equals(key.maxRegisteredNodes())) {
                throw new IllegalArgumentException("gradient.security.api-keys: the keys of tenant '" + key.tenant()
                        + "' set max-registered-nodes to both " + other + " and " + key.maxRegisteredNodes()
                        + "; set one value (on any of its keys)");
            }
        }
        return new TenantQuotas(tenants.maxRegisteredNodes(), own);
    }

    /** The same quota, {@code maxNodes}, for every namespace. */
    public static TenantQuotas uniform(long maxNodes) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be 1 or more, got " + maxNodes);
        }
        return new TenantQuotas(maxNodes, Map.of());
    }

    /** The most nodes that the graphs {@code namespace} keeps may have together. */
    public long maxRegisteredNodes(String namespace) {
        return maxNodesByTenant.getOrDefault(namespace, defaultMaxNodes);
    }
}
