package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With API keys on, {@code /actuator/prometheus} answers an operator's key alone, and shows the
 * service's own series: the caches' hits and misses, the registry's size per tenant and the
 * rate limit's refusals per tenant, each counted from what the test did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + ApiKeysOverHttpTest.ACME_SHA256,
        "gradient.security.api-keys[1].tenant=globex",
        "gradient.security.api-keys[1].sha256=" + ApiKeysOverHttpTest.GLOBEX_SHA256,
        "gradient.security.api-keys[2].tenant=ops",
        "gradient.security.api-keys[2].sha256=" + HealthWithKeysTest.OPS_SHA256,
        "gradient.security.api-keys[2].operator=true",
        // a bucket small enough for acme to empty, and no refill during the test
        "gradient.rate-limit.capacity=8", "gradient.rate-limit.refill-tokens=1", "gradient.rate-limit.refill-period=1h"})
class PrometheusWithKeysTest extends ApiTest {

    /** The value of the series {@code series} (name and labels, as Prometheus writes them) in {@code scrape}. */
    static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void onlyAnOperatorsKeyMayScrape() {
        problem(api.get("/actuator/prometheus"), 401, "UNAUTHORIZED");
        problem(api.withKey("globex-key").get("/actuator/prometheus"), 401, "UNAUTHORIZED");
    }

    @Test
    void theScrapeCountsWhatTenantsDid() {
        HttpApi acme = api.withKey("acme-key");
        for (String expression : new String[] {"x * 41 + 1", "x * 42 + 1"}) {
            assertThat(acme.post("/graphs", "{\"expression\": \"" + expression + "\"}").status()).isEqualTo(201);
        }
        String inline = "{\"expression\": \"x * 43 + sin(x)\", \"at\": {\"x\": 1}}";
        assertThat(acme.post("/gradient", inline).status()).isEqualTo(200);
        assertThat(acme.post("/gradient", inline).status()).isEqualTo(200);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            refused += acme.post("/gradient", inline).status() == 429 ? 1 : 0;
        }
        // 8 tokens: 4 taken above, 4 more answered, 6 refused
        assertThat(refused).isEqualTo(6);

        HttpApi.Reply reply = api.withKey("ops-key").get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        String scrape = reply.body();
        assertThat(value(scrape, "gradient_registry_graphs{tenant=\"acme\"}")).isEqualTo(2.0);
        assertThat(value(scrape, "gradient_registry_graphs{tenant=\"globex\"}")).isEqualTo(0.0);
        assertThat(value(scrape, "gradient_registry_nodes{tenant=\"acme\"}")).isPositive();
        assertThat(value(scrape, "gradient_rate_limit_rejections_total{tenant=\"acme\"}")).isEqualTo(6.0);
        assertThat(value(scrape, "gradient_rate_limit_rejections_total{tenant=\"globex\"}")).isEqualTo(0.0);
        assertThat(value(scrape, "gradient_cache_gets_total{cache=\"gradient.sources\",result=\"hit\"}")).isGreaterThanOrEqualTo(5.0);
        assertThat(value(scrape, "gradient_cache_gets_total{cache=\"gradient.sources\",result=\"miss\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(scrape, "gradient_cache_evictions_total{cache=\"gradient.compiled\"}")).isEqualTo(0.0);
        assertThat(scrape).doesNotContain("\ncache_gets_total");
    }
}
