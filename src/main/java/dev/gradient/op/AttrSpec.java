package dev.gradient.op;

/**
 * One attribute an op accepts: its name, the JSON type of its value, whether it must be
 * given, and what it means.
 */
public record AttrSpec(String name, Kind kind, boolean required, String description) {

    /** The JSON type of an attribute's value. */
    public enum Kind {
        /** An integer. */
        INT,
        /** An array of integers. */
        INTS,
        /** A string. */
        STRING
    }

    /** The optional {@code axis} attribute of reductions. */
    public static AttrSpec axis(String description) {
        return new AttrSpec("axis", Kind.INT, false, description);
    }
}
