package dev.gradient.security;

import dev.gradient.config.ApiKeyProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the tenant of a presented key by the SHA-256 of the key. Only hashes are kept, so the
 * configuration holds nothing that lets anyone call the service.
 */
final class ApiKeys {

    private record Entry(byte[] sha256, String tenant) {
    }

    private final List<Entry> entries;

    /** The keys {@code keys}; one hash naming two tenants is a configuration error. */
    ApiKeys(List<ApiKeyProperties.ApiKey> keys) {
        Map<String, String> tenantByHash = new HashMap<>();
        for (ApiKeyProperties.ApiKey key : keys) {
            String hash = key.sha256().toLowerCase(java.util.Locale.ROOT);
            String other = tenantByHash.putIfAbsent(hash, key.tenant());
            if (other != null && !other.equals(key.tenant())) {
                throw new IllegalArgumentException("gradient.security.api-keys: one key (sha256 " + hash
                        + ") names two tenants, '" + other + "' and '" + key.tenant() + "'; a key must name one tenant");
            }
        }
        this.entries = tenantByHash.entrySet().stream()
                .map(e -> new Entry(HexFormat.of().parseHex(e.getKey()), e.getValue())).toList();
    }

    /**
     * The tenant whose key is {@code presented}, if any. Every configured hash is compared, each
     * in constant time, so the time taken says nothing about which hash or how much of it matched.
     */
    Optional<String> tenantOf(String presented) {
        byte[] hash = sha256(presented);
        String tenant = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), hash)) {
                tenant = entry.tenant();
            }
        }
        return Optional.ofNullable(tenant);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
