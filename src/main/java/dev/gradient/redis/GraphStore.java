package dev.gradient.redis;

import java.util.Optional;

/**
 * The shared store behind {@link SharedGraphRegistry}: canonical graph JSON kept under its
 * namespace and id, with the total node count of everything kept, over every namespace. An interface so that the registry's
 * logic is tested without a Redis; {@link RedisGraphStore} is the real one.
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
        /** Keeping it would pass the bound; nothing changed. */
        FULL
    }

    /** What {@link #put} did, and how many nodes were kept before it. */
    record PutResult(Outcome outcome, long keptNodes) {
    }

    /**
     * Keeps {@code json}, a graph of {@code nodes} nodes, under {@code id} in {@code namespace},
     * unless that namespace keeps the id already or the total would pass {@code maxNodes}; atomically, so that replicas
     * registering at once cannot together pass the bound.
     */
    PutResult put(String namespace, String id, String json, int nodes, long maxNodes);

    /** The JSON kept under {@code id} in {@code namespace}, if any. */
    Optional<String> get(String namespace, String id);

    /** Whether {@code namespace} keeps anything under {@code id}. */
    boolean contains(String namespace, String id);

    /** Forgets what {@code namespace} keeps under {@code id}; {@code false} where there was nothing. */
    boolean delete(String namespace, String id);

    /** Returns normally when the store answers. */
    void ping();
}
