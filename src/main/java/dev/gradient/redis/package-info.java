/**
 * The graph registry that replicas share through Redis, chosen with
 * {@code gradient.registry=redis}: canonical graphs are stored in Redis under their ids, and
 * each replica parses and compiles a graph once and keeps it locally. Nothing here is created,
 * and no Redis is needed, with the default in-process registry.
 */
package dev.gradient.redis;
