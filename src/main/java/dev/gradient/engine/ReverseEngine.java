package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;
import org.springframework.stereotype.Component;

/**
 * Reverse mode: the reverse pass is written once as an adjoint graph ({@link
 * ReverseTransform}, kept with the compiled function) and run per cotangent, reusing the
 * primal values of one forward sweep. A gradient costs a small constant times the function.
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
    public boolean forwardNative() {
        return false;
    }

    @Override
    public Tensor[][] vjp(Compiled function, Tensor[] point, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        Adjoint adjoint = function.adjoint(wrt, outputs);
        ShapedGraph graph = adjoint.graph();
        Tensor[] primal = Evaluator.evaluate(function.graph(), point);
        Tensor[] inputs = new Tensor[graph.inputs().size()];
        System.arraycopy(point, 0, inputs, 0, point.length);
        Tensor[][] result = new Tensor[cotangents.length][];
        for (int d = 0; d < cotangents.length; d++) {
            for (int k = 0; k < outputs.length; k++) {
                Tensor c = cotangents[d][k];
                inputs[point.length + k] = c != null ? c : Tensor.zeros(function.graph().shape(function.graph().outputs().get(outputs[k])));
            }
            Tensor[] values = Evaluator.evaluate(graph, inputs, primal);
            result[d] = new Tensor[wrt.length];
            for (int j = 0; j < wrt.length; j++) {
                result[d][j] = values[graph.outputs().get(j)];
            }
        }
        return result;
    }

    @Override
    public Tensor[][] jvp(Compiled function, Tensor[] point, int[] wrt, int[] outputs, Tensor[][] tangents) {
        return Jacobians.jvpFromVjp(this, function, point, wrt, outputs, tangents);
    }
}
