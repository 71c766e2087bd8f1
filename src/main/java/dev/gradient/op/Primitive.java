package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * An op that engines run directly: its shape rule, forward kernel, JVP rule ({@link
 * #linearize}) and VJP rule ({@link #vjp}) sit together in one class.
 *
 * <p>The VJP rule builds graph nodes rather than numbers, so the reverse pass is itself a
 * graph: the forward engine run over it gives exact Hessians (forward over reverse), and so
 * does the reverse engine run over it again.
 */
public non-sealed interface Primitive extends Op {

    /** The output shape for arguments of these shapes; throws a {@code GradientException} where they do not fit. */
    Shape shape(Shape[] args, Attrs attrs);

    /** The forward kernel: the output for these argument values. */
    Tensor apply(Tensor[] args, Attrs attrs);

    /**
     * The forward kernel with the output's array taken from {@code arena}, where the op takes it
     * from there (the elementwise ops do; the default is {@link #apply(Tensor[], Attrs)}). The
     * result's array is one the arena lent for it, a new one, or, for an op that only changes
     * the shape, an argument's own: a run that gives arrays back checks which.
     */
    default Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        return apply(args, attrs);
    }

    /**
     * The JVP rule: the derivative at this point as a linear map from argument tangents to
     * the output tangent. {@code out} is {@code apply(args, attrs)}.
     */
    Jvp linearize(Tensor[] args, Tensor out, Attrs attrs);

    /**
     * The JVP rule where only the arguments with {@code tangents[j]} true will be given a
     * tangent: an op may skip the other arguments' partials (forward mode's sweep of {@code x^2}
     * needs no {@code log(x)}). The default is {@link #linearize(Tensor[], Tensor, Attrs)}.
     */
    default Jvp linearize(Tensor[] args, Tensor out, Attrs attrs, boolean[] tangents) {
        return linearize(args, out, attrs);
    }

    /**
     * The VJP rule: for a cotangent node {@code cotangent} of the output's shape, the nodes
     * of each argument's cotangent contribution, built in {@code b}; -1 where there is none,
     * or where {@code needed[i]} is false (the argument does not depend on any input that is
     * differentiated).
     */
    int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed);

    /**
     * Whether it is elementwise: each element of its output depends only on the element at the
     * same position of each argument (broadcast), by the same rule everywhere. A graph of such
     * ops over scalar inputs evaluates many points in one run, with the points as a vector.
     */
    default boolean elementwise() {
        return false;
    }

    /**
     * Its VJP rule as numbers, for the first-order reverse sweep, or {@code null} (the default)
     * where the sweep should run the graph rule {@link #vjp} instead. See {@link Pullback}.
     */
    default Pullback pullback() {
        return null;
    }

    /**
     * Which elements of argument {@code arg} influence live elements of the output, as a 0/1
     * mask node of the argument's shape, given the output's live mask {@code outMask} (-1: every
     * element is live); returns -1 where every element of the argument is live. The reverse
     * transform zeroes contributions outside the mask, which is what makes {@code where}
     * NaN-safe. This default is conservative: an argument is wholly live if any output element is.
     */
    default int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        if (outMask < 0) {
            return -1;
        }
        int anyLive = b.call("gt", b.call("sum", outMask), b.constant(0.0));
        return b.broadcastTo(anyLive, b.shape(args[arg]));
    }

    /** An estimate of the work to run it, in element operations; the cost limit adds these up. */
    default long cost(Shape[] args, Shape out) {
        long cost = out.size();
        for (Shape arg : args) {
            cost += arg.size();
        }
        return cost;
    }
}
