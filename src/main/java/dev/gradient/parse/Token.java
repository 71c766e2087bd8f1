package dev.gradient.parse;

/**
 * One token of an expression.
 *
 * @param kind what it is
 * @param text its characters
 * @param position where it starts, 0-based
 */
record Token(Kind kind, String text, int position) {

    /** The kinds of token. */
    enum Kind { NUMBER, NAME, OPERATOR, END }

    boolean is(String operator) {
        return kind == Kind.OPERATOR && text.equals(operator);
    }
}
