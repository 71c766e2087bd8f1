package dev.gradient.op;

/**
 * The smallest element, over all elements or along {@code axis}. Ties share the gradient
 * equally, as in PyTorch (see {@link Extremum}).
 */
final class Min extends Extremum {

    Min() {
        super("min", "The smallest element, or the smallest along an axis.");
    }

    @Override
    double pick(double a, double b) {
        return Math.min(a, b);
    }
}
