package dev.gradient.security;

import dev.gradient.api.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Without API keys no caller is an operator, so health gives everyone the status only, unless
 * the operator configures it to show more ({@code management.endpoint.health.show-details}), as
 * {@code RedisUnreachableTest} does.
 */
class HealthWithoutKeysTest extends ApiTest {

    @Test
    void everyoneSeesTheStatusOnly() {
        HealthWithKeysTest.statusOnly(api.get("/actuator/health"));
        HealthWithKeysTest.statusOnly(api.withKey("any-key").get("/actuator/health"));
    }
}
