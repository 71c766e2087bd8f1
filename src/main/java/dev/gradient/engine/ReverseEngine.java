package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reverse mode: the reverse pass is written once as an adjoint graph ({@link
 * ReverseTransform}, kept with the compiled function) and run per cotangent, reusing the
 * primal values of the point's one forward sweep. A gradient costs a small constant times the
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
        return "Reverse mode (adjoints over the compiled graph): one backward sweep per output element; "
                + "cheapest for gradients and whenever the outputs have fewer elements than the inputs.";
    }

    @Override
    public Set<Product> nativeProducts() {
        return Set.of(Product.VJP);
    }

    @Override
    public long directionsCost(Compiled f, int[] wrt, int[] outputs, long directions) {
        // each direction runs the adjoint graph past the primal nodes it shares with f
        long pass = ReversePasses.of(f).adjoint(wrt, outputs).graph().cost() - f.graph().cost();
        return Cost.multiply(directions, Math.max(1, pass));
    }

    @Override
    public Tensor[][] vjp(Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
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
