package dev.gradient.cache;

import java.util.List;

/**
 * One page of the graphs a namespace keeps, in order of id: keyset paging, so that a graph
 * registered or deleted between two pages moves no other graph from one page to another.
 *
 * @param graphs at most the page size, ids ascending
 * @param more whether graphs with greater ids follow the last of {@code graphs}
 */
public record RegistryPage(List<RegisteredGraph> graphs, boolean more) {

    /** Copies {@code graphs}; a page with more after it is not empty. */
    public RegistryPage {
        graphs = List.copyOf(graphs);
        if (more && graphs.isEmpty()) {
            throw new IllegalArgumentException("a page with more graphs after it must hold at least one");
        }
    }

    /**
     * The page of the first {@code size} of {@code graphs}, which holds up to one more than a
     * page (the one more, fetched only to tell that there is more, is left off).
     */
    public static RegistryPage of(List<RegisteredGraph> graphs, int size) {
        return graphs.size() > size ? new RegistryPage(graphs.subList(0, size), true) : new RegistryPage(graphs, false);
    }
}
