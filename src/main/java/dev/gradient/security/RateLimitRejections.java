package dev.gradient.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Counts the requests that the rate limit refused (429), as {@value #METER}. With API keys the
 * counter is tagged with the tenant, or {@value #NO_TENANT} for a request without a valid key
 * (limited by address): the tag's values are the configured tenants and that one, so the
 * series stay as few as the configuration says. Without keys it has no tag, since there are
 * no tenants and client addresses are unbounded. Every series exists from the start, at zero.
 */
final class RateLimitRejections {

    /** The counter's name; Prometheus shows it as {@code gradient_rate_limit_rejections_total}. */
    static final String METER = "gradient.rate.limit.rejections";
    /** The tenant tag of a request without a valid key; no tenant name can hold parentheses. */
    static final String NO_TENANT = "(none)";

    private final MeterRegistry meters;
    private final boolean perTenant;

    /** Counts into {@code meters}, per tenant where {@code tenants} (the configured ones) are any. */
    RateLimitRejections(MeterRegistry meters, Collection<String> tenants) {
        this.meters = meters;
        this.perTenant = !tenants.isEmpty();
        if (perTenant) {
            Set<String> tags = new TreeSet<>(tenants);
            tags.add(NO_TENANT);
            tags.forEach(this::counter);
        } else {
            counter(null);
        }
    }

    /** Counts one refusal of the current request, on its tenant's series. */
    void record() {
        if (!perTenant) {
            counter(null).increment();
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        counter(authentication instanceof TenantAuthentication tenant ? tenant.tenant() : NO_TENANT).increment();
    }

    private Counter counter(String tenant) {
        Counter.Builder counter = Counter.builder(METER).description("Requests refused with 429 by the rate limit");
        return (tenant == null ? counter : counter.tag("tenant", tenant)).register(meters);
    }
}
