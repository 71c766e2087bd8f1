/**
 * The service's configuration, in one place: every {@code gradient.*} property record with its
 * validation and documented defaults (the limits, the caches, the registry, API keys and rate
 * limits), the choice of graph registry ({@link dev.gradient.config.ConditionalOnRegistry}),
 * and the limits handed to the parser and the graph builder. The packages that enforce them
 * read them from here.
 *
 * <p>May import: {@code dev.gradient.graph}, {@code dev.gradient.parse} (for the limits they
 * take), {@code org.springframework}, {@code jakarta.validation}.
 */
package dev.gradient.config;
