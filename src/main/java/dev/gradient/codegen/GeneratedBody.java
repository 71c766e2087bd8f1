package dev.gradient.codegen;

import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;

/**
 * What a generated class implements: the computing part of a compiled program. Public only
 * because the generated classes live in a class loader of their own and must see it.
 */
public interface GeneratedBody {

    /**
     * Computes the value of every node that the class was generated for into {@code values},
     * whose inputs, constants and known prefix are already filled in, with the arrays of the
     * values it makes taken from {@code arena}.
     */
    void run(Tensor[] values, Arena arena);
}
