package dev.gradient.parse;

/**
 * The bounds the parsers enforce before they build anything.
 *
 * @param maxExpressionLength the most characters one expression may have
 * @param maxExpressionDepth the deepest nesting of parentheses, calls, unary minus and powers
 * @param maxNodes the most nodes one graph may have, counting those that expressions create
 */
public record ParseLimits(int maxExpressionLength, int maxExpressionDepth, int maxNodes) {
}
