package dev.gradient.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The timers of the two stages that the caches spare a repeated request: {@value #PARSE}, parsing
 * an inline source (tagged {@code kind}: {@code expression} or {@code graph}), and
 * {@value #COMPILE}, compiling a graph for its input shapes (typing, expansion and the limits'
 * checks; not the generation of JVM code for hot programs, which runs later on a background
 * thread). Only misses are timed, failures included: a hit costs neither stage. Histograms with
 * fixed buckets, like the request meters, for Prometheus to take percentiles of.
 */
final class StageTimers {

    /** Prometheus shows {@code gradient_parse_seconds}. */
    static final String PARSE = "gradient.parse";
    /** Prometheus shows {@code gradient_compile_seconds}. */
    static final String COMPILE = "gradient.compile";

    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(10),
        Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)};

    private StageTimers() {
    }

    /** The parse timer of sources of kind {@code kind}. */
    static Timer parse(MeterRegistry meters, String kind) {
        return timer(PARSE, "Time parsing an inline source that was not cached", meters).tag("kind", kind).register(meters);
    }

    /** The compile timer. */
    static Timer compile(MeterRegistry meters) {
        return timer(COMPILE, "Time compiling a graph for input shapes not cached", meters).register(meters);
    }

    private static Timer.Builder timer(String name, String description, MeterRegistry meters) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS);
    }
}
