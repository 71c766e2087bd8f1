package dev.gradient.config;

import dev.gradient.codegen.CompileSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The compilation of hot programs to JVM code ({@code dev.gradient.codegen}), bound from
 * {@code gradient.compile.*}. A program is interpreted for its first {@code threshold} runs,
 * then compiled on a background thread and swapped in; anything that goes wrong leaves it
 * interpreted, with the same values.
 *
 * <p>Why 200 runs: generating and compiling a program and letting the JIT warm the new class
 * up costs milliseconds of the background thread (a hundred or more for the first ones, while
 * Janino itself is still interpreted; about two seconds at 5000 nodes on a loaded 2-core
 * machine), which a program run a handful of times
 * (an inline expression seen once, a request's own derivative programs) would never win back,
 * while a graph used by id or in a batch reaches 200 runs within its first request or two.
 *
 * @param enabled whether programs are compiled at all
 * @param threshold how many runs of a program are interpreted before it is compiled
 * @param maxNodes the most nodes one compiled program computes; larger ones stay interpreted
 *     (this bounds the generated source, and so the compile time; at most 10000, which keeps a
 *     generated class within the class file's limits)
 * @param cacheNodes the weight of the cache of compiled classes, each weighing its nodes; a
 *     node costs about 100 to 300 bytes of generated source (the key, kept so that two programs
 *     share a class only when their code is the same) plus its share of the class
 * @param queueSize the most programs waiting to be compiled; when full, a program stays
 *     interpreted for another {@code threshold} runs
 * @param reverseSweeps whether a hot function's gradients, VJPs and Jacobian rows run its compiled
 *     adjoint program (fused loops of the elementwise pullbacks) instead of the interpreted tape;
 *     their values are the adjoint graph's, which are the tape's to rounding
 */
@Validated
@ConfigurationProperties("gradient.compile")
public record CompileProperties(
        @DefaultValue("true") boolean enabled,
        @Min(0) @DefaultValue("200") int threshold,
        @Min(0) @Max(10_000) @DefaultValue("5000") int maxNodes,
        @Min(0) @DefaultValue("50000") long cacheNodes,
        @Min(1) @DefaultValue("64") int queueSize,
        @DefaultValue("true") boolean reverseSweeps) {

    /** The settings that {@code dev.gradient.codegen} takes. */
    public CompileSettings settings() {
        return new CompileSettings(enabled, threshold, maxNodes, cacheNodes, queueSize, reverseSweeps);
    }
}
