package dev.gradient.sparsity;

import java.util.Arrays;

/**
 * The 2005 greedy star colouring, written as its definition reads: for each vertex in order,
 * the smallest colour that no neighbour has and that makes no path on four vertices through it
 * two-coloured, found by searching those paths. The reference that {@link StarColouring} must
 * agree with colour for colour; its work grows with the cube of the degrees.
 */
final class PathSearchStarColouring {

    private PathSearchStarColouring() {
    }

    /** The colours of the vertices of {@code adjacency} (neighbours without the vertex itself), given in {@code order}. */
    static int[] colour(int[][] adjacency, int[] order) {
        int n = adjacency.length;
        int[] colours = new int[n];
        Arrays.fill(colours, -1);
        for (int v : order) {
            boolean[] forbidden = new boolean[n + 1];
            for (int w : adjacency[v]) {
                if (colours[w] < 0) {
                    continue;
                }
                forbidden[colours[w]] = true;
                for (int x : adjacency[w]) {
                    if (x == v || colours[x] < 0) {
                        continue;
                    }
                    // v-w-x-y with y of w's colour, or u-v-w-x with u of w's colour
                    if (hasNeighbourOfColour(adjacency[x], w, colours[w], colours)
                            || hasNeighbourOfColour(adjacency[v], w, colours[w], colours)) {
                        forbidden[colours[x]] = true;
                    }
                }
            }
            int colour = 0;
            while (forbidden[colour]) {
                colour++;
            }
            colours[v] = colour;
        }
        return colours;
    }

    private static boolean hasNeighbourOfColour(int[] neighbours, int except, int colour, int[] colours) {
        for (int y : neighbours) {
            if (y != except && colours[y] == colour) {
                return true;
            }
        }
        return false;
    }
}
