package dev.gradient.engine;

import dev.gradient.codegen.Compilation;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;

/**
 * The reverse pass of a graph, written as a graph (see {@link ReverseTransform}).
 *
 * @param graph the adjoint graph: the original nodes at their positions, then the cotangent
 *     inputs and the reverse-pass nodes; its outputs are the differentiated inputs' cotangents
 * @param primalSize how many leading nodes are the original graph's, whose values can be reused
 * @param cotangentInputs node positions of the cotangent inputs, one per pulled-back output
 * @param program what runs the adjoint graph: interpreted at first, compiled once it is hot; it
 *     answers for the outputs only (the known primal prefix aside), since the reverse pass reads
 *     nothing else, so a compiled run may leave other slots {@code null}
 */
record Adjoint(ShapedGraph graph, int primalSize, int[] cotangentInputs, Program program) {

    Adjoint(ShapedGraph graph, int primalSize, int[] cotangentInputs) {
        this(graph, primalSize, cotangentInputs, Compilation.shared().outputsProgram(graph, new Plan(graph)));
    }
}
