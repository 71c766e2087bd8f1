package dev.gradient.api;

/**
 * How the streaming reader reads one field of a request body ({@link BodyReader}), derived from
 * the field's record component in {@link RequestSchemas} ({@link RequestForm}).
 */
enum FieldKind {

    /** A small value (a name, a list of names, a number, an expression): read as a JSON tree. */
    SMALL,
    /** An object of named values ({@code at}, {@code tangent}, {@code cotangent}): each value read into doubles. */
    NAMED_VALUES,
    /** A batch: an array of points, or an object of columns, read into doubles. */
    POINTS,
    /** A JSON graph: a tree, but for its constants, which are read into doubles. */
    GRAPH
}
