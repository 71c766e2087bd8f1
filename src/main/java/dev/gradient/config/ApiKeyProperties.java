package dev.gradient.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API keys, bound from {@code gradient.security.*}. With none (the default) the service is
 * open and every request shares one registry namespace; with any, every request outside
 * {@code openPaths} needs {@code Authorization: Bearer <key>} with one of the keys.
 *
 * @param apiKeys each a tenant and the SHA-256 of its key, never the key itself; a tenant may
 *     have several keys (to rotate them), but one key names one tenant
 * @param openPaths path patterns that need no key: health (with the liveness and readiness
 *     probes) and the API documents, by default
 */
@Validated
@ConfigurationProperties("gradient.security")
public record ApiKeyProperties(
        @NotNull @DefaultValue List<@Valid ApiKey> apiKeys,
        @NotNull @DefaultValue({"/actuator/health/**", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                "/swagger-ui/**"}) List<String> openPaths) {

    /**
     * One key: the tenant it names and the hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum}).
     * Tenant names hold no colon, so that they cannot be confused with the registry's own keys.
     *
     * @param operator whether the key is an operator's: it also reads the health details (disks,
     *     Redis) and the actuator endpoints beyond health ({@code /actuator/metrics},
     *     {@code /actuator/prometheus}), which report on every tenant; false by default
     * @param maxRegisteredNodes the tenant's own {@code gradient.tenants.max-registered-nodes}, or
     *     {@code null} (the default) for that default; the keys of one tenant that set it must agree
     */
    public record ApiKey(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                    message = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit") String tenant,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits: the SHA-256 of the key") String sha256,
            @DefaultValue("false") boolean operator,
            @Min(1) Long maxRegisteredNodes) {

        /** The constructor that binding uses: the canonical one, not the shorter one below. */
        @ConstructorBinding
        public ApiKey {
        }

        /** A key that leaves the tenant's registry quota at the default. */
        public ApiKey(String tenant, String sha256, boolean operator) {
            this(tenant, sha256, operator, null);
        }
    }

    /** The configured tenants, each once, in the order of their first key. */
    public List<String> tenants() {
        return apiKeys.stream().map(ApiKey::tenant).distinct().toList();
    }

    /** Whether any key is configured, and so every request outside {@link #openPaths} needs one. */
    public boolean enabled() {
        return !apiKeys.isEmpty();
    }
}
