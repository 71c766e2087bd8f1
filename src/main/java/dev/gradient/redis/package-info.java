/**
 * The graph registry that replicas share through Redis, chosen with {@code
 * gradient.registry=redis}: canonical graphs are stored in Redis under their ids, and each
 * replica parses and compiles a graph once and keeps it locally. Nothing here is created, and
 * no Redis is needed, with the default in-process registry.
 *
 * <p>May import: {@code dev.gradient.cache}, {@code dev.gradient.config}, {@code
 * dev.gradient.parse}, {@code dev.gradient.graph}, {@code dev.gradient.error}, {@code
 * org.springframework}, {@code io.lettuce}, {@code io.micrometer}, {@code
 * com.github.benmanes.caffeine}, {@code tools.jackson}.
 */
package dev.gradient.redis;
