package dev.gradient.sparsity;

import java.util.Arrays;

/**
 * A colouring of the columns (or rows) of a pattern: {@code colours[v]} is vertex {@code v}'s
 * colour, from 0 to {@code count - 1}. Each colour is one compressed product: the sum of the
 * unit directions of its vertices. Immutable: the array is copied in and out.
 *
 * @param colours each vertex's colour
 * @param count how many colours
 */
public record Colouring(int[] colours, int count) {

    public Colouring {
        colours = colours.clone();
        for (int v = 0; v < colours.length; v++) {
            if (colours[v] < 0 || colours[v] >= count) {
                throw new IllegalArgumentException("vertex " + v + " has colour " + colours[v] + ", outside 0.." + (count - 1));
            }
        }
    }

    @Override
    public int[] colours() {
        return colours.clone();
    }

    /** The colour of vertex {@code v}. */
    public int colourOf(int v) {
        return colours[v];
    }

    /** How many vertices. */
    public int size() {
        return colours.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Colouring c && c.count == count && Arrays.equals(c.colours, colours);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(colours) + count;
    }

    @Override
    public String toString() {
        return "Colouring[" + count + " colours of " + colours.length + " vertices]";
    }
}
