package dev.gradient.engine;

import dev.gradient.tensor.Tensor;
import java.util.Set;

/**
 * Test only: reverse mode by its adjoint graph alone, never the tape, so that tests can hold
 * the tape ({@link Tape}) and the ops' graph VJP rules at first order to each other. The
 * service's reverse engine runs the tape wherever a graph has one.
 */
public final class AdjointGraphEngine implements Engine {

    private final ReverseEngine reverse = new ReverseEngine();

    @Override
    public String name() {
        return "adjoint-graph";
    }

    @Override
    public String description() {
        return "Reverse mode by the adjoint graph, per cotangent (tests only).";
    }

    @Override
    public Set<Product> nativeProducts() {
        return reverse.nativeProducts();
    }

    @Override
    public long directionsCost(Compiled f, int[] wrt, int[] outputs, long directions) {
        return reverse.directionsCost(f, wrt, outputs, directions);
    }

    @Override
    public Tensor[][] jvp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] tangents) {
        return Jacobians.jvpFromVjp(this, at, wrt, outputs, tangents);
    }

    @Override
    public Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        return ReverseEngine.vjpByAdjointGraph(at, wrt, outputs, cotangents);
    }

    /** Whether reverse mode runs {@code f}'s first-order products by the tape (else by this engine's adjoint graph). */
    public static boolean hasTape(Compiled f, int[] wrt) {
        return ReversePasses.of(f).tape(wrt, f.allOutputs()).isPresent();
    }
}
