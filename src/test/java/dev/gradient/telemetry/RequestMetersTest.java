package dev.gradient.telemetry;

import static dev.gradient.telemetry.Scrapes.scrape;
import static dev.gradient.telemetry.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The request meters in {@code /actuator/prometheus}, counted from the requests the test sends:
 * engine time per product and engine, with buckets and percentiles, and points per request;
 * without keys, no tenant tag.
 */
class RequestMetersTest extends ApiTest {

    private static final String GRADIENT_REVERSE = "{engine=\"reverse\",product=\"gradient\"}";

    @Test
    void eachComputationIsTimedUnderItsProductAndEngine() {
        String before = scrape(api);
        ok("/gradient", "{'expression': 'x * 61 + sin(x)', 'engine': 'reverse', 'at': {'x': 1}}");
        ok("/gradient", "{'expression': 'x * 61 + sin(x)', 'engine': 'reverse', 'at': {'x': 2}}");
        ok("/jvp", "{'expression': 'x * 62', 'engine': 'forward', 'tangent': {'x': 1}, 'at': {'x': 2}}");
        ok("/check", "{'expression': 'x * 63', 'at': {'x': 2}}");
        String after = scrape(api);

        assertThat(value(after, "gradient_engine_seconds_count" + GRADIENT_REVERSE))
                .isEqualTo(value(before, "gradient_engine_seconds_count" + GRADIENT_REVERSE) + 2);
        assertThat(value(after, "gradient_engine_seconds_sum" + GRADIENT_REVERSE))
                .isGreaterThan(value(before, "gradient_engine_seconds_sum" + GRADIENT_REVERSE));
        assertThat(value(after, "gradient_engine_seconds_count{engine=\"forward\",product=\"jvp\"}"))
                .isEqualTo(value(before, "gradient_engine_seconds_count{engine=\"forward\",product=\"jvp\"}") + 1);
        assertThat(value(after, "gradient_engine_seconds_count{engine=\"all\",product=\"check\"}"))
                .isEqualTo(value(before, "gradient_engine_seconds_count{engine=\"all\",product=\"check\"}") + 1);
        // every sample is at most 30 s, the last bucket, so the last bucket counts them all
        assertThat(value(after, "gradient_engine_seconds_bucket{engine=\"reverse\",product=\"gradient\",le=\"30.0\"}"))
                .isEqualTo(value(after, "gradient_engine_seconds_count" + GRADIENT_REVERSE));
        // buckets count cumulatively: Prometheus takes percentiles from them
        assertThat(value(after, "gradient_engine_seconds_bucket{engine=\"reverse\",product=\"gradient\",le=\"0.001\"}"))
                .isLessThanOrEqualTo(value(after, "gradient_engine_seconds_bucket{engine=\"reverse\",product=\"gradient\",le=\"1.0\"}"));
        assertThat(after).doesNotContain("tenant=");
    }

    @Test
    void pointsPerRequestAreADistribution() {
        String series = "{product=\"evaluate\"}";
        String before = scrape(api);
        ok("/evaluate", "{'expression': 'x * 64', 'points': [{'x': 1}, {'x': 2}, {'x': 3}, {'x': 4}]}");
        ok("/evaluate", "{'expression': 'x * 64', 'at': {'x': 1}}");
        String after = scrape(api);
        assertThat(value(after, "gradient_request_points_count" + series)).isEqualTo(value(before, "gradient_request_points_count" + series) + 2);
        assertThat(value(after, "gradient_request_points_sum" + series)).isEqualTo(value(before, "gradient_request_points_sum" + series) + 5);
        assertThat(value(after, "gradient_request_points_bucket{product=\"evaluate\",le=\"1.0\"}"))
                .isEqualTo(value(before, "gradient_request_points_bucket{product=\"evaluate\",le=\"1.0\"}") + 1);
    }

    @Test
    void aFailedComputationCountsItsPointsButNoEngineTime() {
        String before = scrape(api);
        // an unknown wrt input fails before admission: nothing is recorded
        problem("/vjp", "{'expression': 'x', 'wrt': ['y'], 'cotangent': {'f': 1}, 'at': {'x': 1}}", 422, "UNKNOWN_NAME");
        String after = scrape(api);
        assertThat(value(after, "gradient_request_points_count{product=\"vjp\"}"))
                .isEqualTo(value(before, "gradient_request_points_count{product=\"vjp\"}"));
    }
}
