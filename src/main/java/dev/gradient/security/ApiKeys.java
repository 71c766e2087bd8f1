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
 * Finds the configured key (its tenant, and whether it is an operator's) of a presented key by
 * the SHA-256 of the key. Only hashes are kept, so the configuration holds nothing that lets
 * anyone call the service.
 */
final class ApiKeys {

    private record Entry(byte[] sha256, ApiKeyProperties.ApiKey key) {
    }

    private final List<Entry> entries;

    /**
     * The keys {@code keys}; one hash naming two tenants, or listed both as an operator's key
     * and not, is a configuration error.
     */
    ApiKeys(List<ApiKeyProperties.ApiKey> keys) {
        Map<String, ApiKeyProperties.ApiKey> keyByHash = new HashMap<>();
        for (ApiKeyProperties.ApiKey key : keys) {
            String hash = key.sha256().toLowerCase(java.util.Locale.ROOT);
            ApiKeyProperties.ApiKey other = keyByHash.putIfAbsent(hash, key);
            if (other != null && !other.tenant().equals(key.tenant())) {
                throw new IllegalArgumentException("gradient.security.api-keys: one key (sha256 " + hash
                        + ") names two tenants, '" + other.tenant() + "' and '" + key.tenant() + "'; a key must name one tenant");
            }
            if (other != null && other.operator() != key.operator()) {
                throw new IllegalArgumentException("gradient.security.api-keys: one key (sha256 " + hash
                        + ") of tenant '" + key.tenant() + "' is listed twice, once with operator=true and once without;"
                        + " list it once");
            }
        }
        this.entries = keyByHash.entrySet().stream()
                .map(e -> new Entry(HexFormat.of().parseHex(e.getKey()), e.getValue())).toList();
    }

    /** The tenant whose key is {@code presented}, if any; see {@link #keyOf}. */
    Optional<String> tenantOf(String presented) {
        return keyOf(presented).map(ApiKeyProperties.ApiKey::tenant);
    }

    /**
     * The configured key whose hash is that of {@code presented}, if any. Every configured hash
     * is compared, each in constant time, so the time taken says nothing about which hash or how
     * much of it matched.
     */
    Optional<ApiKeyProperties.ApiKey> keyOf(String presented) {
        byte[] hash = sha256(presented);
        ApiKeyProperties.ApiKey found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), hash)) {
                found = entry.key();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
