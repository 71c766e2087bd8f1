package dev.gradient.parse;

/**
 * The bounds the parsers enforce before they build anything.
 *
 * @param maxExpressionLength the most characters one expression may have
 * @param maxExpressionDepth the deepest nesting of parentheses, calls, unary minus and powers
 * @param maxNodes the most nodes one graph may have, counting those that expressions create
 * @param arrays the bounds on one constant's value
 */
public record ParseLimits(int maxExpressionLength, int maxExpressionDepth, int maxNodes, ArrayLimits arrays) {

    /** Bounds whose constants are limited only by the data they hold: for tools and tests. */
    public ParseLimits(int maxExpressionLength, int maxExpressionDepth, int maxNodes) {
        this(maxExpressionLength, maxExpressionDepth, maxNodes, ArrayLimits.DATA_BOUND);
    }
}
