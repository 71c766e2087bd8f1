package dev.gradient.op;

/** How many arguments an op takes: at least {@code min}, at most {@code max} (-1: no maximum). */
public record Arity(int min, int max) {

    /** Exactly {@code n} arguments. */
    public static Arity exactly(int n) {
        return new Arity(n, n);
    }

    /** {@code min} or more arguments. */
    public static Arity atLeast(int min) {
        return new Arity(min, -1);
    }

    /** Whether {@code n} arguments are accepted. */
    public boolean accepts(int n) {
        return n >= min && (max < 0 || n <= max);
    }

    @Override
    public String toString() {
        return max == min ? Integer.toString(min) : max < 0 ? min + "+" : min + ".." + max;
    }
}
