package dev.gradient.op;

import dev.gradient.tensor.Tensor;

/**
 * An op's derivative at one point, as a linear map from argument tangents to the output's
 * tangent: what an op's {@code linearize} returns, so that the forward engine computes the
 * local partials once and applies them to many tangent directions.
 */
@FunctionalInterface
public interface Jvp {

    /**
     * The output tangent for the given argument tangents; a {@code null} tangent is zero, and
     * so is a {@code null} result.
     */
    Tensor apply(Tensor[] argTangents);
}
