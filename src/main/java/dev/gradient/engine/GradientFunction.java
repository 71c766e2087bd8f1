package dev.gradient.engine;

/**
 * The gradient of a scalar output as a compiled function of its own, for the products built
 * on second derivatives outside this package (sparsity patterns and colourings of Hessians):
 * its inputs are the function's inputs followed by the output's cotangent (a scalar, 1 for the
 * gradient), its outputs the gradient by each input of {@code wrt}, in that order. It starts
 * with the function's own nodes, at the same positions.
 *
 * <p>Built once per choice of {@code wrt} and output and kept with the function ({@link
 * ReversePasses}); building it obeys the function's {@link Compiled#limits}.
 */
public final class GradientFunction {

    private GradientFunction() {
    }

    /** The gradient of output {@code output} of {@code f} by its inputs at input indices {@code wrt}. */
    public static Compiled of(Compiled f, int[] wrt, int output) {
        return ReversePasses.of(f).gradientProgram(wrt, output);
    }
}
