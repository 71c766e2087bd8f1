package dev.gradient.redis;

import dev.gradient.cache.RegisteredGraph;
import dev.gradient.cache.RegistryUsage;
import java.util.List;
import java.util.Optional;

/**
 * The shared store behind {@link SharedGraphRegistry}: canonical graph JSON kept under its
 * namespace and id, with the total node count of everything kept over every namespace, and each
 * namespace's own count and index of ids. An interface so that the registry's logic is tested
 * without a Redis; {@link RedisGraphStore} is the real one.
 *
 * <p>Every method throws a {@code REGISTRY_UNAVAILABLE} {@link dev.gradient.error.GradientException} when the
 * store cannot be reached.
 */
interface GraphStore {

    /** What {@link #put} did. */
    enum Outcome {
        /** The graph is now kept. */
        ADDED,
        /** A graph with that id was kept already; nothing changed. */
        PRESENT,
        /** Keeping it would pass the global bound; nothing changed. */
        FULL,
        /** Keeping it would pass the namespace's quota; nothing changed. */
        OVER_QUOTA
    }

    /** What {@link #put} did, and how many nodes were kept before it: in all ({@code keptNodes}) and by the namespace ({@code usedNodes}). */
    record PutResult(Outcome outcome, long keptNodes, long usedNodes) {
    }

    /**
     * Keeps {@code json}, a graph of {@code nodes} nodes registered at {@code createdMillis}, under
     * {@code id} in {@code namespace}, unless that namespace keeps the id already, its own count
     * would pass {@code maxNamespaceNodes} or the total would pass {@code maxNodes}; atomically, so
     * that replicas registering at once cannot together pass either bound.
     */
    PutResult put(String namespace, String id, String json, int nodes, long createdMillis, long maxNodes,
            long maxNamespaceNodes);

    /** The JSON kept under {@code id} in {@code namespace}, if any. */
    Optional<String> get(String namespace, String id);

    /** Whether {@code namespace} keeps anything under {@code id}. */
    boolean contains(String namespace, String id);

    /** Forgets what {@code namespace} keeps under {@code id}, giving its nodes back; {@code false} where there was nothing. */
    boolean delete(String namespace, String id);

    /** Up to {@code count} graphs of {@code namespace} in order of id, after {@code after} ({@code null}: from the first). */
    List<RegisteredGraph> list(String namespace, String after, int count);

    /** What {@code namespace} keeps. */
    RegistryUsage usage(String namespace);

    /** Returns normally when the store answers. */
    void ping();
}
