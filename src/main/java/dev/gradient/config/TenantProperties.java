package dev.gradient.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every tenant may keep, bound from {@code gradient.tenants.*}; a tenant's own API keys
 * may override it ({@link ApiKeyProperties.ApiKey#maxRegisteredNodes}). Without API keys every
 * request is one tenant, the default namespace, and these quotas apply to it.
 *
 * @param maxRegisteredNodes the most nodes that the graphs one tenant keeps by {@code POST /graphs}
 *     may have together. It sits under {@code gradient.limits.max-registered-nodes}, which still
 *     bounds all tenants together; the default equals that limit's, so that nothing changes until
 *     an operator sets it (below the global limit, so that no tenant can fill the registry for the others).
 */
@Validated
@ConfigurationProperties("gradient.tenants")
public record TenantProperties(@Min(1) @DefaultValue("1000000") long maxRegisteredNodes) {

    /** The property a registration passes when its tenant's graphs would hold too many nodes. */
    public static final String MAX_REGISTERED_NODES = "gradient.tenants.max-registered-nodes";
}
