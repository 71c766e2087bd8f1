package dev.gradient.cache;

import java.util.Optional;

/**
 * The graphs that clients registered with {@code POST /graphs}, found by id. Unlike the
 * caches, a registry never forgets a graph by itself: only {@link #remove} does.
 *
 * <p>Implementations must be thread-safe. Ids are content hashes, so registering the same
 * graph twice, on any replica, is harmless. A registry kept outside the process throws
 * {@link RegistryUnavailableException} from any method when its store cannot be reached.
 */
public interface GraphRegistry {

    /**
     * Keeps {@code graph} under its id. Returns {@code true} where it was new, {@code false}
     * where a graph with that id was already kept. Throws
     * {@link dev.gradient.graph.LimitExceededException} where keeping it would pass the
     * registry's bound.
     */
    boolean register(ParsedGraph graph);

    /** The graph kept under {@code id}, if any. */
    Optional<ParsedGraph> find(String id);

    /** Forgets the graph kept under {@code id}; {@code false} where there was none. */
    boolean remove(String id);
}
