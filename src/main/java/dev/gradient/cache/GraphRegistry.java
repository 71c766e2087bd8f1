package dev.gradient.cache;

import dev.gradient.graph.ParsedGraph;
import java.util.Optional;

/**
 * The graphs that clients registered with {@code POST /graphs}, found by id. Unlike the
 * caches, a registry never forgets a graph by itself: only {@link #remove} does.
 *
 * <p>Graphs are kept per namespace: with API keys each tenant has its own, and a graph kept in
 * one namespace is not found from another, even under the same id. Without keys every request
 * uses {@link dev.gradient.config.RegistryProperties#DEFAULT_NAMESPACE}. Two namespaces that
 * register the same graph each keep their own copy, so deleting one leaves the other.
 *
 * <p>Implementations must be thread-safe. Ids are content hashes, so registering the same
 * graph twice, on any replica, is harmless. A registry kept outside the process throws
 * {@code REGISTRY_UNAVAILABLE} from any method when its store cannot be reached.
 */
public interface GraphRegistry {

    /**
     * Keeps {@code graph} under its id in {@code namespace}. Returns {@code true} where it was new, {@code false}
     * where a graph with that id was already kept. Throws
     * {@code LIMIT_EXCEEDED} where keeping it would pass the
     * registry's bound or the namespace's quota ({@link RegistryLimits}); both are checked before
     * anything is kept, and atomically with keeping it, so that concurrent registrations cannot
     * together pass either.
     */
    boolean register(String namespace, ParsedGraph graph);

    /**
     * Up to {@code size} of the graphs {@code namespace} keeps, in order of id, starting after the
     * id {@code after} ({@code null} for the first page); {@code after} need not be kept any more.
     */
    RegistryPage list(String namespace, String after, int size);

    /** What {@code namespace} keeps now. */
    RegistryUsage usage(String namespace);

    /** The graph that {@code namespace} keeps under {@code id}, if any. */
    Optional<ParsedGraph> find(String namespace, String id);

    /** Forgets the graph that {@code namespace} keeps under {@code id}; {@code false} where there was none. */
    boolean remove(String namespace, String id);
}
