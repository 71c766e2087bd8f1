package dev.gradient.op;

/**
 * The largest element, over all elements or along {@code axis}. Ties share the gradient
 * equally, as in PyTorch (see {@link Extremum}).
 */
final class Max extends Extremum {

    Max() {
        super("max", "The largest element, or the largest along an axis.");
    }

    @Override
    double pick(double a, double b) {
        return Math.max(a, b);
    }
}
