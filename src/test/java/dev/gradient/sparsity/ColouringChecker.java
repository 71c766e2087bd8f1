package dev.gradient.sparsity;

/**
 * An independent check of colourings, straight from their definitions and written apart from
 * {@link Colourings}: a column colouring is distance-2 where no row holds two columns of one
 * colour; a star colouring is a distance-1 colouring in which no path on four distinct vertices
 * is two-coloured, checked by enumerating every such path.
 */
final class ColouringChecker {

    private ColouringChecker() {
    }

    /** The first row holding two columns of one colour, as a message, or {@code null} where there is none. */
    static String columnConflict(SparsityPattern pattern, Colouring colouring) {
        int[] rows = pattern.rows();
        int[] cols = pattern.cols();
        for (int a = 0; a < rows.length; a++) {
            for (int b = a + 1; b < rows.length && rows[b] == rows[a]; b++) {
                if (colouring.colourOf(cols[a]) == colouring.colourOf(cols[b])) {
                    return "row " + rows[a] + " holds columns " + cols[a] + " and " + cols[b] + " of colour " + colouring.colourOf(cols[a]);
                }
            }
        }
        return null;
    }

    /** The first violation of the star colouring's definition on the adjacency graph of {@code symmetric}, or {@code null}. */
    static String starConflict(SparsityPattern symmetric, Colouring colouring) {
        int n = symmetric.rowCount();
        boolean[][] edge = new boolean[n][n];
        int[] rows = symmetric.rows();
        int[] cols = symmetric.cols();
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] != cols[k]) {
                edge[rows[k]][cols[k]] = true;
                edge[cols[k]][rows[k]] = true;
            }
        }
        int[] c = colouring.colours();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (!edge[a][b]) {
                    continue;
                }
                if (c[a] == c[b]) {
                    return "neighbours " + a + " and " + b + " share colour " + c[a];
                }
                for (int x = 0; x < n; x++) {
                    if (x == a || !edge[b][x]) {
                        continue;
                    }
                    for (int y = 0; y < n; y++) {
                        if (y != a && y != b && edge[x][y] && c[a] == c[x] && c[b] == c[y]) {
                            return "the path " + a + "-" + b + "-" + x + "-" + y + " has two colours";
                        }
                    }
                }
            }
        }
        return null;
    }
}
