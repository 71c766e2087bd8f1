package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * With API keys on, health tells a stranger, and a tenant, the status alone; an operator's key
 * also gets the components with their details (the disk's path among them). The probes stay
 * open to everyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + ApiKeysOverHttpTest.ACME_SHA256,
        "gradient.security.api-keys[1].tenant=ops",
        "gradient.security.api-keys[1].sha256=" + HealthWithKeysTest.OPS_SHA256,
        "gradient.security.api-keys[1].operator=true"})
class HealthWithKeysTest extends ApiTest {

    /** {@code printf %s ops-key | sha256sum} */
    static final String OPS_SHA256 = "2c69bc9111c27110a9b9a7974ba3f8ac0c053c16b23a0738115ee829fbc4d57b";

    /** Checks that {@code reply} is a 200 health answer that says UP and nothing else about the host. */
    static void statusOnly(HttpApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode health = reply.json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).as(reply.body()).isFalse();
        assertThat(health.has("details")).as(reply.body()).isFalse();
        assertThat(reply.body()).doesNotContain("diskSpace").doesNotContain(System.getProperty("user.dir"));
    }

    /** Checks that {@code reply} is a 200 health answer with the disk's details. */
    static void withDetails(HttpApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode disk = reply.json().path("components").path("diskSpace");
        assertThat(disk.path("status").asString()).isEqualTo("UP");
        assertThat(disk.path("details").path("total").asLong()).isPositive();
        assertThat(disk.path("details").has("path")).isTrue();
    }

    @Test
    void aStrangerSeesTheStatusOnly() {
        statusOnly(api.get("/actuator/health"));
    }

    @Test
    void aWrongKeyIsAStrangerOnHealthNotA401() {
        statusOnly(api.withKey("not-a-key").get("/actuator/health"));
    }

    @Test
    void aTenantSeesTheStatusOnly() {
        statusOnly(api.withKey("acme-key").get("/actuator/health"));
    }

    @Test
    void anOperatorSeesTheComponentsAndTheirDetails() {
        withDetails(api.withKey("ops-key").get("/actuator/health"));
    }

    @Test
    void theProbesAnswerEveryone() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            for (HttpApi caller : new HttpApi[] {api, api.withKey("acme-key"), api.withKey("ops-key")}) {
                HttpApi.Reply reply = caller.get(probe);
                assertThat(reply.status()).as(probe + ": " + reply.body()).isEqualTo(200);
                assertThat(reply.json().path("status").asString()).isEqualTo("UP");
            }
        }
    }

    @Test
    void theActuatorBeyondHealthNeedsAnOperatorsKey() {
        problem(api.get("/actuator/metrics"), 401, "UNAUTHORIZED");
        JsonNode refused = problem(api.withKey("acme-key").get("/actuator/metrics"), 401, "UNAUTHORIZED");
        assertThat(refused.path("detail").asString()).contains("operator");
        HttpApi.Reply reply = api.withKey("ops-key").get("/actuator/metrics");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("names").isArray()).isTrue();
    }
}
