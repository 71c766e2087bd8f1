package dev.gradient.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.telemetry.Scrapes;
import org.junit.jupiter.api.Test;

/** Parsing and compiling are timed on a cache miss only: a repeated source costs neither stage, and no sample. */
class StageTimersTest extends ApiTest {

    private double scraped(String series) {
        return Scrapes.value(Scrapes.scrape(api), series);
    }

    @Test
    void aNewSourceIsParsedAndCompiledOnceAndTimedOnce() {
        String parses = "gradient_parse_seconds_count{kind=\"expression\"}";
        String compiles = "gradient_compile_seconds_count";
        double parsed = scraped(parses);
        double compiled = scraped(compiles);
        String request = "{'expression': 'x * 71 + cos(x)', 'at': {'x': 1}}";
        ok("/gradient", request);
        assertThat(scraped(parses)).isEqualTo(parsed + 1);
        assertThat(scraped(compiles)).isEqualTo(compiled + 1);
        ok("/gradient", request);
        assertThat(scraped(parses)).isEqualTo(parsed + 1);
        assertThat(scraped(compiles)).isEqualTo(compiled + 1);
        // new shapes of the same source: compiled again, not parsed again
        ok("/evaluate", "{'expression': 'x * 71 + cos(x)', 'at': {'x': [1, 2]}}");
        assertThat(scraped(parses)).isEqualTo(parsed + 1);
        assertThat(scraped(compiles)).isEqualTo(compiled + 2);
    }

    @Test
    void aGraphSourceIsTimedUnderItsKind() {
        String parses = "gradient_parse_seconds_count{kind=\"graph\"}";
        double parsed = scraped(parses);
        ok("/evaluate", "{'graph': {'nodes': [{'id': 'y', 'expr': 'sin(x) * 72'}], 'outputs': ['y']}, 'at': {'x': 1}}");
        assertThat(scraped(parses)).isEqualTo(parsed + 1);
    }
}
