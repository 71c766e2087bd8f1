package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;

/**
 * Reverse mode's derivative graphs of a compiled function, as {@link ReversePasses} builds and
 * keeps them, for a caller that writes the derivative out as a formula rather than running it:
 * the adjoint graph of an output, and the adjoint graph of one of its gradient's components
 * (a Hessian row, reverse over reverse). Each graph's inputs are the function's inputs followed
 * by its cotangent inputs; a caller that wants a plain derivative sets those to constants.
 */
public final class DerivativeGraphs {

    private DerivativeGraphs() {
    }

    /**
     * The adjoint graph of output {@code output} by the inputs at input indices {@code wrt}: its
     * inputs are {@code f}'s then the output's cotangent; its outputs the cotangents of {@code wrt}.
     */
    public static ShapedGraph adjoint(Compiled f, int[] wrt, int output) {
        return ReversePasses.of(f).adjoint(wrt, new int[] {output}).graph();
    }

    /**
     * The adjoint graph of the derivative of output {@code output} by the input at input index
     * {@code row}, by the inputs at input indices {@code wrt}: its inputs are {@code f}'s, then the
     * output's cotangent, then the cotangent of that derivative; its outputs, where both cotangents
     * are 1, the Hessian's row {@code row} at the columns {@code wrt}.
     */
    public static ShapedGraph hessianRow(Compiled f, int[] wrt, int output, int row) {
        Compiled gradient = ReversePasses.of(f).gradientProgram(new int[] {row}, output);
        return ReversePasses.of(gradient).adjoint(wrt, new int[] {0}).graph();
    }
}
