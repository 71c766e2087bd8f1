package dev.gradient.sparsity;

import dev.gradient.error.GradientException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Greedy star colouring that keeps the two-coloured stars it has made, after Gebremedhin,
 * Tarafdar, Manne and Pothen, "New acyclic and star coloring algorithms with application to
 * computing Hessians" (SIAM J. Sci. Comput. 29, 2007): what a vertex may not take is read off
 * those stars instead of being searched for on paths of length three.
 *
 * <p>In a star colouring the edges between two colour classes form stars. So when a vertex
 * {@code v} is coloured, the paths on four vertices that would become two-coloured are of two
 * kinds only:
 *
 * <ul>
 *   <li>{@code v} at an end, {@code v-w-x-y}: {@code w} is a leaf of a star whose hub {@code x}
 *       has another leaf {@code y} of {@code w}'s colour, so {@code v} may not take {@code x}'s
 *       colour. Each vertex keeps the hubs of the stars it is a leaf of.</li>
 *   <li>{@code v} inside, {@code u-v-w-x}: two neighbours {@code u} and {@code w} of {@code v}
 *       have one colour, so {@code v} may not take any colour next to either. Each vertex keeps
 *       the colours next to it.</li>
 * </ul>
 *
 * <p>The colours forbidden are exactly those of the 2005 greedy colouring (a neighbour's, and
 * those two), so both give the same colouring in the same order; only the work differs. A
 * vertex costs the hubs and colours around its neighbours rather than their neighbours'
 * neighbourhoods: an arrowhead Hessian of 10<sup>5</sup> variables is coloured in linear time,
 * where the search on paths took about n<sup>2</sup> steps.
 *
 * <p>Then the new edges join stars: edges to two or more neighbours of one colour make a new
 * star with {@code v} as its hub; an edge to the only neighbour {@code w} of its colour joins
 * the star of {@code w}'s edges to {@code v}'s colour, whose hub becomes {@code w} (it was
 * {@code w} or undecided, since the first rule excluded the rest), or starts a star of one
 * edge whose hub is not decided yet.
 *
 * <p>The work is counted as it is done, in the index operations of {@code gradient.limits.max-cost},
 * and the colouring is refused once it passes the caller's limit: it depends on the colours,
 * which are not known before. One use per instance; not thread-safe.
 */
final class StarColouring {

    private static final int NO_HUB = -1;

    private final int[][] adjacency;
    private final long maxCost;
    private final int[] colours;
    private final int[] forbidden;
    private final int[] neighboursOfColour;
    /** The star made for each colour while one vertex is coloured, valid where {@code starMadeBy[colour]} is that vertex. */
    private final int[] starOfColour;
    private final int[] starMadeBy;
    /** Per vertex and colour, the star that holds the vertex's edges to its neighbours of that colour. */
    private final Map<Long, Integer> starAt = new HashMap<>();
    private final IntLists coloursNextTo;
    private final IntLists hubsAbove;
    private int[] hubs = new int[16];
    /** Each star's first edge, whose end that is not the hub becomes a leaf once the hub is decided. */
    private int[] firstEnds = new int[32];
    private int stars;
    private long work;

    private StarColouring(int[][] adjacency, long maxCost) {
        this.adjacency = adjacency;
        this.maxCost = maxCost;
        int n = adjacency.length;
        this.colours = new int[n];
        Arrays.fill(colours, -1);
        this.forbidden = new int[n + 1];
        Arrays.fill(forbidden, -1);
        this.neighboursOfColour = new int[n + 1];
        this.starOfColour = new int[n + 1];
        this.starMadeBy = new int[n + 1];
        Arrays.fill(starMadeBy, -1);
        this.coloursNextTo = new IntLists(n);
        this.hubsAbove = new IntLists(n);
    }

    /**
     * The colours of the vertices of {@code adjacency} (each vertex's neighbours, without
     * itself), given in {@code order}; refused once the work passes {@code maxCost}.
     */
    static int[] colour(int[][] adjacency, int[] order, long maxCost) {
        StarColouring colouring = new StarColouring(adjacency, maxCost);
        for (int v : order) {
            colouring.colour(v);
        }
        return colouring.colours;
    }

    private void colour(int v) {
        int[] around = adjacency[v];
        spend(around.length);
        for (int w : around) {
            if (colours[w] >= 0) {
                neighboursOfColour[colours[w]] = 0;
            }
        }
        for (int w : around) {
            if (colours[w] >= 0) {
                forbidden[colours[w]] = v;
                neighboursOfColour[colours[w]]++;
            }
        }
        for (int w : around) {
            if (colours[w] < 0) {
                continue;
            }
            // v at an end: w a leaf of a star whose hub has another leaf of w's colour
            forbidColoursOf(hubsAbove, w, v, true);
            // v inside: another neighbour of v has w's colour
            if (neighboursOfColour[colours[w]] > 1) {
                forbidColoursOf(coloursNextTo, w, v, false);
            }
        }
        int colour = 0;
        while (forbidden[colour] == v) {
            colour++;
        }
        colours[v] = colour;
        for (int w : around) {
            if (colours[w] >= 0) {
                join(v, w);
            }
        }
    }

    /** Forbids for {@code v} the colours of {@code lists}' entries for {@code w}: vertices' colours where {@code vertices}, else colours. */
    private void forbidColoursOf(IntLists lists, int w, int v, boolean vertices) {
        int[] entries = lists.of(w);
        int size = lists.sizeOf(w);
        spend(size);
        for (int k = 0; k < size; k++) {
            forbidden[vertices ? colours[entries[k]] : entries[k]] = v;
        }
    }

    /** Puts the new edge between {@code v} (just coloured) and its coloured neighbour {@code w} into its star. */
    private void join(int v, int w) {
        spend(1);
        int mine = colours[v];
        int theirs = colours[w];
        if (neighboursOfColour[theirs] > 1) {
            if (starMadeBy[theirs] != v) {
                starMadeBy[theirs] = v;
                starOfColour[theirs] = newStar(v, v, w);
                record(v, theirs, starOfColour[theirs]);
            }
            record(w, mine, starOfColour[theirs]);
            hubsAbove.add(w, v);
            return;
        }
        Integer star = starAt.get(key(w, mine));
        if (star == null) {
            int single = newStar(NO_HUB, v, w);
            record(w, mine, single);
            record(v, theirs, single);
            return;
        }
        if (hubs[star] == NO_HUB) {
            hubs[star] = w;
            int other = firstEnds[2 * star] == w ? firstEnds[2 * star + 1] : firstEnds[2 * star];
            hubsAbove.add(other, w);
        } else if (hubs[star] != w) {
            throw new IllegalStateException("vertex " + v + " joins a star at its leaf " + w + ": the colour "
                    + mine + " should have been forbidden");
        }
        record(v, theirs, star);
        hubsAbove.add(v, w);
    }

    private int newStar(int hub, int end, int otherEnd) {
        if (stars == hubs.length) {
            hubs = Arrays.copyOf(hubs, 2 * stars);
            firstEnds = Arrays.copyOf(firstEnds, 4 * stars);
        }
        hubs[stars] = hub;
        firstEnds[2 * stars] = end;
        firstEnds[2 * stars + 1] = otherEnd;
        return stars++;
    }

    /** Notes that {@code vertex}'s edges to its neighbours of {@code colour} are in {@code star}. */
    private void record(int vertex, int colour, int star) {
        if (starAt.put(key(vertex, colour), star) == null) {
            coloursNextTo.add(vertex, colour);
        }
    }

    private long key(int vertex, int colour) {
        return (long) vertex * (adjacency.length + 1) + colour;
    }

    private void spend(long steps) {
        work += steps;
        if (work > maxCost) {
            throw GradientException.limitExceeded("gradient.limits.max-cost", "the star colouring took more than"
                    + " gradient.limits.max-cost (" + maxCost + ") index operations");
        }
    }

    /** One growable list of ints per vertex. */
    private static final class IntLists {

        private static final int[] EMPTY = new int[0];

        private final int[][] lists;
        private final int[] sizes;

        IntLists(int count) {
            lists = new int[count][];
            Arrays.fill(lists, EMPTY);
            sizes = new int[count];
        }

        int[] of(int vertex) {
            return lists[vertex];
        }

        int sizeOf(int vertex) {
            return sizes[vertex];
        }

        void add(int vertex, int value) {
            int[] list = lists[vertex];
            if (sizes[vertex] == list.length) {
                list = Arrays.copyOf(list, Math.max(2, 2 * list.length));
                lists[vertex] = list;
            }
            list[sizes[vertex]++] = value;
        }
    }
}
