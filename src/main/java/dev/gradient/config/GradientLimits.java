package dev.gradient.config;

import dev.gradient.graph.BuildLimits;
import dev.gradient.parse.ArrayLimits;
import dev.gradient.parse.ParseLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds that keep every request cheap enough to answer, bound from {@code gradient.limits.*}.
 * Each is checked before the work it guards, and passing one is a 413 problem with code
 * {@code LIMIT_EXCEEDED} that names the property.
 *
 * <p>The defaults are meant to be safe on a JVM with a heap of 1 GiB or more: the largest
 * request the defaults let through keeps well under that in memory.
 *
 * @param maxBodySize the largest request body; checked on {@code Content-Length} and again while the body streams in.
 *     The body is streamed into doubles, never held as a tree, so it is the elements that cost memory, not the
 *     text: the default takes a 50,000 x 10 data set in plain JSON, its numbers at their longest (about 13 MB)
 * @param maxNodes the most nodes one graph may have: as parsed, after composite ops are expanded,
 *     and with the nodes that derivative graphs add (a reverse-mode graph is about three times
 *     the size of the function's)
 * @param maxElements the most elements one tensor may have: an input, an intermediate value, a Jacobian
 * @param maxPoints the most points one batch ({@code points}) may hold
 * @param maxExpressionLength the most characters one expression may have
 * @param maxExpressionDepth the deepest nesting of parentheses, calls and operators in one expression
 * @param maxJsonDepth the deepest nesting of JSON arrays and objects in a request body
 * @param maxCost the most estimated element operations for one request, summed over its points;
 *     also bounds the memory that intermediate values take (8 bytes per element operation at most)
 * @param maxResultElements the most numbers one response may carry, summed over its points
 * @param maxRegisteredNodes the most nodes that all graphs kept by {@code POST /graphs} may have together
 * @param maxCostInFlight the most estimated element operations of all requests running at once; 0 (the
 *     default) takes a quarter of the heap's worth of 8-byte values, so that concurrent requests at their
 *     limits cannot exhaust the heap together: a request waits for room, then is answered 503
 */
@Validated
@ConfigurationProperties("gradient.limits")
public record GradientLimits(
        @NotNull @DefaultValue("16MB") DataSize maxBodySize,
        @Min(1) @DefaultValue("200000") int maxNodes,
        @Min(1) @DefaultValue("1000000") long maxElements,
        @Min(1) @DefaultValue("10000") int maxPoints,
        @Min(1) @DefaultValue("65536") int maxExpressionLength,
        @Min(1) @Max(10_000) @DefaultValue("256") int maxExpressionDepth,
        @Min(8) @Max(10_000) @DefaultValue("64") int maxJsonDepth,
        @Min(1) @DefaultValue("100000000") long maxCost,
        @Min(1) @DefaultValue("2000000") long maxResultElements,
        @Min(1) @DefaultValue("1000000") long maxRegisteredNodes,
        @Min(0) @DefaultValue("0") long maxCostInFlight) {

    /** The bounds the graph builder enforces while it compiles and differentiates. */
    public BuildLimits buildLimits() {
        return new BuildLimits(maxNodes, maxElements, maxCost);
    }

    /** The bounds the parser enforces on expressions and parsed graphs. */
    public ParseLimits parseLimits() {
        return new ParseLimits(maxExpressionLength, maxExpressionDepth, maxNodes, arrayLimits());
    }

    /** The bounds on one value of a request: its elements, and its axes (as deep as nested arrays may go). */
    public ArrayLimits arrayLimits() {
        return new ArrayLimits(maxElements, maxJsonDepth);
    }
}
