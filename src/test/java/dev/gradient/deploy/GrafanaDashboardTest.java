package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every metric that a query of the Grafana dashboard ({@code deploy/grafana/dashboards}) reads
 * is one that the running service's {@code /actuator/prometheus} exposes, or one that Prometheus
 * makes itself for each target: a renamed meter breaks this test, not an operator's dashboard.
 */
class GrafanaDashboardTest extends ApiTest {

    private static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/gradient.json");
    /** The series Prometheus adds for every scrape target, which no service exposes. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    @Test
    void everyMetricTheDashboardQueriesIsOneTheServiceExposes() throws IOException {
        // one request of each kind the HTTP timer tags, so that its series exist
        assertThat(api.post("/gradient", "{\"expression\": \"x * y\", \"at\": {\"x\": 1, \"y\": 2}}").status()).isEqualTo(200);
        HttpApi.Reply scrape = api.get("/actuator/prometheus");
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        Set<String> exposed = exposedNames(scrape.body());

        Set<String> queried = new TreeSet<>();
        for (String expression : expressions()) {
            queried.addAll(PromQlMetricNames.of(expression));
        }
        assertThat(queried).as("metric names the dashboard's queries read").isNotEmpty()
                .contains("http_server_requests_seconds_count", "gradient_cache_gets_total");
        queried.removeAll(MADE_BY_PROMETHEUS);
        assertThat(exposed).as("names /actuator/prometheus exposes").containsAll(queried);
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
        for (JsonNode panel : panels()) {
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo("prometheus");
            assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
        }
        assertThat(Files.readString(Path.of("deploy/grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: prometheus", "url: http://prometheus:9090");
    }

    @Test
    void theNameReaderSkipsFunctionsLabelsRangesAndGrouping() {
        assertThat(PromQlMetricNames.of("sum by (uri, status) (rate(a_total{job=\"x\", status=~\"5..\"}[$__rate_interval]))"
                + " / on (uri) group_left b_seconds_max offset 5m > bool 0.5e3"))
                .containsExactly("a_total", "b_seconds_max");
    }

    private static List<JsonNode> panels() throws IOException {
        JsonNode dashboard = HttpApi.JSON.readTree(Files.readString(DASHBOARD));
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asString().equals("row")) {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        return expressions;
    }

    /** The sample names of a scrape in Prometheus's text format: each line's name, before its labels or value. */
    private static Set<String> exposedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
