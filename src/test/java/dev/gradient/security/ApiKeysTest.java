package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.config.ApiKeyProperties.ApiKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Keys are found by their SHA-256 alone, and a configured hash names one tenant. */
class ApiKeysTest {

    private static String sha256(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    @Test
    void aKeyNamesTheTenantWhoseHashItHas() {
        ApiKeys keys = new ApiKeys(List.of(new ApiKey("acme", sha256("acme-key"), false),
                new ApiKey("globex", sha256("globex-key"), false)));
        assertThat(keys.tenantOf("acme-key")).hasValue("acme");
        assertThat(keys.tenantOf("globex-key")).hasValue("globex");
        assertThat(keys.tenantOf("acme-key ")).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
    }

    @Test
    void hashesMayBeWrittenInEitherCase() {
        ApiKeys keys = new ApiKeys(List.of(new ApiKey("acme", sha256("acme-key").toUpperCase(Locale.ROOT), false)));
        assertThat(keys.tenantOf("acme-key")).hasValue("acme");
    }

    @Test
    void aTenantMayHaveSeveralKeysButAKeyOnlyOneTenant() {
        ApiKeys rotating = new ApiKeys(List.of(new ApiKey("acme", sha256("old"), false), new ApiKey("acme", sha256("new"), false)));
        assertThat(rotating.tenantOf("old")).hasValue("acme");
        assertThat(rotating.tenantOf("new")).hasValue("acme");
        assertThatThrownBy(() -> new ApiKeys(List.of(new ApiKey("acme", sha256("k"), false), new ApiKey("globex", sha256("k"), false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names two tenants, 'acme' and 'globex'");
    }

    @Test
    void anOperatorsKeyIsKnownAsOneAndMustBeListedSo() {
        ApiKeys keys = new ApiKeys(List.of(new ApiKey("acme", sha256("acme-key"), false), new ApiKey("ops", sha256("ops-key"), true)));
        assertThat(keys.keyOf("ops-key")).hasValueSatisfying(key -> assertThat(key.operator()).isTrue());
        assertThat(keys.keyOf("acme-key")).hasValueSatisfying(key -> assertThat(key.operator()).isFalse());
        assertThatThrownBy(() -> new ApiKeys(List.of(new ApiKey("ops", sha256("k"), true), new ApiKey("ops", sha256("k"), false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("once with operator=true and once without");
    }
}
