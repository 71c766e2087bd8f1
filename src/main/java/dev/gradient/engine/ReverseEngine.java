package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reverse mode: gradients, VJPs and Jacobian rows run as a tape ({@link Tape}): one sweep
 * from the last node to the first over the point's primal values, carrying every cotangent
 * direction at once. The reverse pass is also written as an adjoint graph ({@link
 * ReverseTransform}, kept with the compiled function), which Hessians differentiate again and
 * which graphs without a tape run per cotangent. A gradient costs a small constant times the
 * function.
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
        Optional<Tape> tape = ReversePasses.of(f).tape(wrt, outputs);
        if (tape.isPresent()) {
            return tape.get().cost(directions);
        }
        // each direction runs the adjoint graph past the primal nodes it shares with f
        long pass = ReversePasses.of(f).adjoint(wrt, outputs).graph().cost() - f.graph().cost();
        return Cost.multiply(directions, Math.max(1, pass));
    }

    @Override
    public Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        Optional<Tape> tape = ReversePasses.of(at.function()).tape(wrt, outputs);
        return tape.isPresent() ? tape.get().run(at.values(), cotangents) : vjpByAdjointGraph(at, wrt, outputs, cotangents);
    }

    /** The same products by running the adjoint graph once per direction: what graphs without a tape use. */
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
