/**
 * What the service keeps between requests: parsed inline sources and compiled graphs in
 * bounded Caffeine caches weighted by node count, and the registry of graphs that clients
 * registered with {@code POST /graphs} (the in-process one, unless {@code gradient.registry}
 * names another). Caches evict and report their statistics to Micrometer; the registry only
 * forgets a graph when a client deletes it, and reports its size (per tenant with API keys). The
 * caches' meters are renamed under {@code gradient.cache.}.
 *
 * <p>May import: {@code dev.gradient.config}, {@code dev.gradient.engine}, {@code
 * dev.gradient.graph}, {@code dev.gradient.tensor}, {@code dev.gradient.error}, {@code
 * org.springframework}, {@code com.github.benmanes.caffeine}, {@code io.micrometer}.
 */
package dev.gradient.cache;
