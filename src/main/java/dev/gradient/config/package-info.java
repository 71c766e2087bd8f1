/**
 * The service's configuration, in one place: every {@code gradient.*} property record with its
 * validation and documented defaults (the limits, the caches, the registry, API keys, rate
 * limits and compilation), the choice of graph registry ({@link
 * dev.gradient.config.ConditionalOnRegistry}), and the limits and policy handed to the parser,
 * the graph builder and the compiler. The packages that enforce them read them from here.
 *
 * <p>May import: {@code dev.gradient.graph}, {@code dev.gradient.parse} (for the limits they
 * take), {@code dev.gradient.codegen} (for the compilation policy it takes), {@code
 * org.springframework}, {@code jakarta.validation}.
 */
package dev.gradient.config;
