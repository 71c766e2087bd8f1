package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reverse mode: gradients, VJPs and Jacobian rows run as a tape ({@link Tape}): one sweep
 * from the last node to the first over the point's primal values, carrying every cotangent
 * direction at once; once a function's sweep is hot, as its compiled adjoint program with fused
 * loops instead ({@link ReverseSweep}). The reverse pass is also written as an adjoint graph ({@link
 * ReverseTransform}, kept with the compiled function), which Hessians differentiate again. A
 * gradient costs a small constant times the function.
 */
@Component
public final class ReverseEngine implements Engine {

    @Override
    public String name() {
        return "reverse";
    }

    @Override
    public String description() {
        return "Reverse mode (adjoints over the compiled graph): one backward sweep carries every output element's cotangent; "
                + "cheapest for gradients and whenever the outputs have fewer elements than the inputs.";
    }

    @Override
    public Set<Product> nativeProducts() {
        return Set.of(Product.VJP);
    }

    @Override
    public long directionsCost(Compiled f, int[] wrt, int[] outputs, long directions) {
        return ReversePasses.of(f).sweep(wrt, outputs).cost(directions);
    }

    @Override
    public Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        return ReversePasses.of(at.function()).sweep(wrt, outputs).run(at, cotangents);
    }

    /**
     * The same products by running the adjoint graph once per direction: the reference that
     * tests hold the tape to (the adjoint graph itself serves Hessians, which differentiate it).
     */
    static Tensor[][] vjpByAdjointGraph(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        Compiled function = at.function();
        Adjoint adjoint = ReversePasses.of(function).adjoint(wrt, outputs);
        ShapedGraph graph = adjoint.graph();
        Tensor[] primal = at.values();
        Tensor[] point = at.point();
        Tensor[] inputs = new Tensor[graph.inputs().size()];
        System.arraycopy(point, 0, inputs, 0, point.length);
        Tensor[][] result = new Tensor[cotangents.length][];
        for (int d = 0; d < cotangents.length; d++) {
            for (int k = 0; k < outputs.length; k++) {
                Tensor c = cotangents[d][k];
                inputs[point.length + k] = c != null ? c
                        : Tensor.zeros(function.graph().shape(function.program().outputSlot(outputs[k])));
            }
            Tensor[] values = adjoint.program().run(inputs, primal);
            result[d] = new Tensor[wrt.length];
            for (int j = 0; j < wrt.length; j++) {
                result[d][j] = values[adjoint.program().outputSlot(j)];
            }
        }
        return result;
    }

    @Override
    public Tensor[][] jvp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] tangents) {
        return Jacobians.jvpFromVjp(this, at, wrt, outputs, tangents);
    }
}
