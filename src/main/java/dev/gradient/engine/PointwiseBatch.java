package dev.gradient.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.error.GradientException;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function of scalar inputs built only of elementwise ops ({@link Primitive#elementwise}),
 * rewritten so that one run evaluates a whole batch of points: every input becomes a vector of
 * its values at the points, and every op applies element by element as before. Element
 * {@code p} of every node is then exactly the node's value at point {@code p}, computed by the
 * same operations in the same order, and so are the derivatives that engines compute over it:
 * the Jacobian of an elementwise function is diagonal, so one VJP with a cotangent of ones (or
 * one JVP per input with a tangent of ones) gives every point's gradient at once.
 *
 * <p>Kept with the function ({@link Compiled#derived}), for the last few batch sizes.
 */
final class PointwiseBatch {

    private static final int SIZES = 4;

    private final Compiled function;
    private final boolean pointwise;
    private final Cache<Integer, Optional<Compiled>> widened = Caffeine.newBuilder().maximumSize(SIZES).build();

    private PointwiseBatch(Compiled function) {
        this.function = function;
        this.pointwise = isPointwise(function.graph());
    }

    /** The batch form of {@code function}, made once and kept with it. */
    static PointwiseBatch of(Compiled function) {
        return function.derived(PointwiseBatch.class, PointwiseBatch::new);
    }

    /**
     * {@code function} over vectors of {@code points} points, or empty where it is not pointwise
     * (an input or node that is not a scalar, an op that is not elementwise, an output that
     * depends on no input) or the vectors would pass a limit.
     */
    Optional<Compiled> over(int points) {
        if (!pointwise || points < 1) {
            return Optional.empty();
        }
        return widened.get(points, n -> widen(function, n));
    }

    private static boolean isPointwise(ShapedGraph graph) {
        for (int i = 0; i < graph.size(); i++) {
            if (!graph.shape(i).isScalar()) {
                return false;
            }
            if (graph.nodes().get(i) instanceof Node.Apply apply && !((Primitive) apply.op()).elementwise()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Compiled> widen(Compiled function, int points) {
        ShapedGraph graph = function.graph();
        Shape vector = Shape.of(points);
        GraphBuilder b = new GraphBuilder(function.limits());
        int[] position = new int[graph.size()];
        try {
            // the inputs first, in input order, so that the batch form takes them in the same order
            for (int input : graph.inputs()) {
                position[input] = b.input(graph.nodes().get(input).id(), vector);
            }
            for (int i = 0; i < graph.size(); i++) {
                Node node = graph.nodes().get(i);
                if (node instanceof Node.Const c) {
                    position[i] = b.constant(c.value());
                } else if (node instanceof Node.Apply apply) {
                    int[] args = new int[apply.args().size()];
                    for (int j = 0; j < args.length; j++) {
                        args[j] = position[apply.args().get(j)];
                    }
                    position[i] = b.apply(apply.op(), apply.attrs(), args);
                }
            }
        } catch (GradientException tooLarge) {
            return Optional.empty();
        }
        List<Integer> outputs = new ArrayList<>();
        for (int output : graph.outputs()) {
            if (!b.shape(position[output]).equals(vector)) {
                return Optional.empty();
            }
            outputs.add(position[output]);
        }
        return Optional.of(new Compiled(b.build(outputs, graph.outputNames()), function.limits()));
    }
}
