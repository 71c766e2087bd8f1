package dev.gradient.symbolic;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds of {@code POST /derivative}, bound from {@code gradient.derivative.*}; passing one
 * is a 413 that names it.
 *
 * @param maxNodes the most nodes a derivative formula may have, after simplification and sharing
 * @param maxJacobianRows the most output elements a Jacobian formula may have (one reverse pass each)
 * @param maxCSourceBytes the most characters of the C source
 * @param maxConstantElements the most elements of all the formula's constants together (folded
 *     constants, the ones that stand for a broadcast), which the response carries
 */
@Validated
@ConfigurationProperties("gradient.derivative")
public record DerivativeProperties(
        @DefaultValue("50000") @Min(1) int maxNodes,
        @DefaultValue("256") @Min(1) int maxJacobianRows,
        @DefaultValue("4000000") @Min(1) long maxCSourceBytes,
        @DefaultValue("1000000") @Min(1) long maxConstantElements) {
}
