package dev.gradient.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Without API keys {@code /actuator/prometheus} is as open as the API, and the service's series
 * carry no tenant tag: there is one namespace, and client addresses are not tags.
 */
class PrometheusWithoutKeysTest extends ApiTest {

    private double scraped(String series) {
        HttpApi.Reply reply = api.get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(reply.body());
        assertThat(line.find()).as("series %s in%n%s", series, reply.body()).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void registeringAndDeletingAGraphMovesTheUntaggedRegistryGauges() {
        double graphs = scraped("gradient_registry_graphs");
        double nodes = scraped("gradient_registry_nodes");
        HttpApi.Reply registered = api.post("/graphs", "{\"expression\": \"x * 51 + y\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        int nodeCount = registered.json().path("nodeCount").asInt();
        assertThat(scraped("gradient_registry_graphs")).isEqualTo(graphs + 1);
        assertThat(scraped("gradient_registry_nodes")).isEqualTo(nodes + nodeCount);
        assertThat(api.delete("/graphs/" + registered.json().path("graphId").asString()).status()).isEqualTo(204);
        assertThat(scraped("gradient_registry_graphs")).isEqualTo(graphs);
        assertThat(scraped("gradient_registry_nodes")).isEqualTo(nodes);
    }

    @Test
    void rateLimitRefusalsAreOneUntaggedSeries() {
        assertThat(scraped("gradient_rate_limit_rejections_total")).isGreaterThanOrEqualTo(0.0);
        HttpApi.Reply reply = api.get("/actuator/prometheus");
        assertThat(reply.body()).doesNotContain("gradient_rate_limit_rejections_total{");
    }
}
