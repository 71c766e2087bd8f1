package dev.gradient.deploy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Instant queries to a Prometheus server's HTTP API ({@code /api/v1/query}), published on loopback. */
final class PrometheusQueries {

    private final Api api;

    PrometheusQueries(Api api) {
        this.api = api;
    }

    /**
     * The value of each series of an instant vector query, keyed by the value of its label
     * {@code label}; empty while Prometheus has no such series yet.
     */
    Map<String, Double> byLabel(String query, String label) {
        Api.Reply reply = api.get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (reply.status() != 200) {
            throw new IllegalStateException("Prometheus answered " + query + " with " + reply.status() + ": " + reply.body());
        }
        Map<String, Double> values = new TreeMap<>();
        for (JsonNode series : reply.json().path("data").path("result")) {
            values.put(series.path("metric").path(label).asString(), Double.parseDouble(series.path("value").path(1).asString()));
        }
        return values;
    }
}
