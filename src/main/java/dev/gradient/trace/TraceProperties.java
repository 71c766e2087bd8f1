package dev.gradient.trace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds of {@code POST /trace}, bound from {@code gradient.trace.*}: a trace is a table a
 * person reads, so its function is small; a larger one is refused (413) before any sweep runs.
 *
 * @param maxNodes the most nodes the compiled function of a trace may have
 * @param maxShownElements the most elements a request may ask to see of each value ({@code maxElements})
 * @param defaultShownElements how many elements of each value are shown where the request does not say
 */
@Validated
@ConfigurationProperties("gradient.trace")
public record TraceProperties(
        @DefaultValue("2000") @Min(1) @Max(100_000) int maxNodes,
        @DefaultValue("64") @Min(1) @Max(4096) int maxShownElements,
        @DefaultValue("8") @Min(1) int defaultShownElements) {
}
