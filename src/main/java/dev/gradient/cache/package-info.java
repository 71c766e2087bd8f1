/**
 * What the service keeps between requests: parsed inline sources and compiled graphs in
 * bounded Caffeine caches weighted by node count, and the registry of graphs that clients
 * registered with {@code POST /graphs}. Caches evict and report their statistics to
 * Micrometer; the registry only forgets a graph when a client deletes it.
 */
package dev.gradient.cache;
