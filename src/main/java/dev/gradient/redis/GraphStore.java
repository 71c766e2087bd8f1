package dev.gradient.redis;

import java.util.Optional;

/**
 * The shared store behind {@link SharedGraphRegistry}: canonical graph JSON kept under its
 * id, with the total node count of everything kept. An interface so that the registry's
 * logic is tested without a Redis; {@link RedisGraphStore} is the real one.
 *
 * <p>Every method throws {@link dev.gradient.cache.RegistryUnavailableException} when the
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
     * Keeps {@code json}, a graph of {@code nodes} nodes, under {@code id}, unless that id is
     * kept already or the total would pass {@code maxNodes}; atomically, so that replicas
     * registering at once cannot together pass the bound.
     */
    PutResult put(String id, String json, int nodes, long maxNodes);

    /** The JSON kept under {@code id}, if any. */
    Optional<String> get(String id);

    /** Whether anything is kept under {@code id}. */
    boolean contains(String id);

    /** Forgets what is kept under {@code id}; {@code false} where there was nothing. */
    boolean delete(String id);

    /** Returns normally when the store answers. */
    void ping();
}
