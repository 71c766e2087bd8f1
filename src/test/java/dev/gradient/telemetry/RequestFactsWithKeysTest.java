package dev.gradient.telemetry;

import static dev.gradient.telemetry.Scrapes.scrape;
import static dev.gradient.telemetry.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * With API keys on, a request's line names its tenant, and the request meters are tagged with
 * it; a request without a valid key has no tenant, and its 401 problem still has its id.
 */
// closed after the class, which resets the logging system: later contexts get their own console format
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs",
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + RequestFactsWithKeysTest.ACME_SHA256,
        "gradient.security.api-keys[1].tenant=ops",
        "gradient.security.api-keys[1].sha256=" + RequestFactsWithKeysTest.OPS_SHA256,
        "gradient.security.api-keys[1].operator=true"})
class RequestFactsWithKeysTest extends ApiTest {

    /** SHA-256 of {@code telemetry-acme}. */
    static final String ACME_SHA256 = "868bb6a032d079e2aaaa32a4a8850edf05c34d2fe845dfe4ea841e6fac300427";
    /** SHA-256 of {@code telemetry-ops}. */
    static final String OPS_SHA256 = "31b6ecc4760d15a9e271ce9d8b5013b79d5246520ebf70200a3f20fc3638e3ce";

    @Test
    void aTenantsRequestIsLoggedAndMeteredAsItsTenants(CapturedOutput output) {
        HttpApi acme = api.withKey("telemetry-acme");
        String series = "gradient_request_points_count{product=\"gradient\",tenant=\"acme\"}";
        double before = value(scrape(api.withKey("telemetry-ops")), series);
        HttpApi.Reply reply = RequestLines.post(acme, "/gradient", "{\"expression\": \"x * 81\", \"at\": {\"x\": 1}}", "acme-1");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(RequestLines.of(output, "acme-1").path("gradient").path("tenant").asString()).isEqualTo("acme");

        String after = scrape(api.withKey("telemetry-ops"));
        assertThat(value(after, series)).isEqualTo(before + 1);
        String engine = reply.json().path("engine").asString();
        assertThat(value(after, "gradient_engine_seconds_count{engine=\"" + engine + "\",product=\"gradient\",tenant=\"acme\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRequestAnsweredWithoutABodyStillNamesItsTenant(CapturedOutput output) {
        HttpApi acme = api.withKey("telemetry-acme");
        String id = acme.post("/graphs", "{\"expression\": \"x * 82\"}").json().path("graphId").asString();
        HttpApi.Reply deleted = acme.send(HttpRequest.newBuilder(acme.uri("/graphs/" + id)).header("X-Request-Id", "acme-delete")
                .DELETE());
        assertThat(deleted.status()).isEqualTo(204);
        JsonNode line = RequestLines.of(output, "acme-delete");
        assertThat(line.path("gradient").path("tenant").asString()).isEqualTo("acme");
        assertThat(line.path("gradient").path("endpoint").asString()).isEqualTo("/graphs/{id}");
    }

    @Test
    void aRequestWithoutAValidKeyHasNoTenantButAnId(CapturedOutput output) {
        HttpApi.Reply reply = RequestLines.post(api.withKey("no-such-key"), "/gradient", "{}", "stranger-1");
        assertThat(problem(reply, 401, "UNAUTHORIZED").path("requestId").asString()).isEqualTo("stranger-1");
        assertThat(RequestLines.of(output, "stranger-1").path("gradient").has("tenant")).isFalse();
    }
}
