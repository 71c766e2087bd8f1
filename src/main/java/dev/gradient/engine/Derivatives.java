package dev.gradient.engine;

import dev.gradient.error.GradientException;
import dev.gradient.graph.BuildLimits;
import dev.gradient.tensor.Tensor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The products that the HTTP API offers, built on any {@link Engine}: evaluation, gradient,
 * Jacobian, Hessian, JVP and VJP, and several engines' Jacobians at once for a gradient check.
 * None is written again per engine.
 *
 * <p>Before any work, the estimated cost (one evaluation's cost times the number of sweeps,
 * {@link Engine#evaluations} of them for a Jacobian) is checked against the compiled function's limit.
 */
@Component
public final class Derivatives {

    /** A scalar output's value and its gradient, one tensor per differentiated input. */
    public record Gradient(Tensor value, Tensor[] gradient) {
    }

    /** A scalar output's value, gradient and Hessian ({@code hessian[i][j]} of shape in_i + in_j). */
    public record Hessian(Tensor value, Tensor[] gradient, Tensor[][] hessian) {
    }

    /** The values of every output. */
    public Tensor[] evaluate(Compiled f, Tensor[] point) {
        checkCost(f, 1);
        return new Evaluation(f, point).outputs();
    }

    /** The value and gradient of the scalar output {@code output}. */
    public Gradient gradient(Engine engine, Compiled f, Tensor[] point, int[] wrt, int output) {
        checkCost(f, sweeps(engine, f, wrt, new int[] {output}));
        Evaluation at = new Evaluation(f, point);
        return new Gradient(at.output(output), gradient(engine, at, wrt, output));
    }

    /** {@code engine}'s gradient of the scalar output {@code output} at {@code at}, one tensor per input of {@code wrt}. */
    private static Tensor[] gradient(Engine engine, Evaluation at, int[] wrt, int output) {
        return Jacobians.jacobian(engine, at, wrt, new int[] {output})[0];
    }

    /** The Jacobian of every output by the inputs {@code wrt}: {@code [output][wrt]}, of shape out + in. */
    public Tensor[][] jacobian(Engine engine, Compiled f, Tensor[] point, int[] wrt) {
        return jacobian(engine, new Evaluation(f, point), wrt);
    }

    /** As above, at a point whose primal values {@code at} may already hold (and then keeps). */
    public Tensor[][] jacobian(Engine engine, Evaluation at, int[] wrt) {
        int[] outputs = allOutputs(at.function());
        checkCost(at.function(), sweeps(engine, at.function(), wrt, outputs));
        return Jacobians.jacobian(engine, at, wrt, outputs);
    }

    /**
     * The Jacobian of every output by the inputs {@code wrt} by each of {@code engines}, in that
     * order ({@code [engine][output][wrt]}), at one point; their costs are admitted together,
     * before any of them runs.
     */
    public Tensor[][][] jacobians(List<Engine> engines, Evaluation at, int[] wrt) {
        Compiled f = at.function();
        int[] outputs = allOutputs(f);
        long cost = 0;
        for (Engine engine : engines) {
            cost = plus(cost, cost(f, sweeps(engine, f, wrt, outputs)));
        }
        checkCost(f.limits(), cost, cost + " element operations for " + engines.size() + " Jacobians");
        Tensor[][][] jacobians = new Tensor[engines.size()][][];
        for (int e = 0; e < jacobians.length; e++) {
            jacobians[e] = Jacobians.jacobian(engines.get(e), at, wrt, outputs);
        }
        return jacobians;
    }

    /**
     * The Hessian of the scalar output {@code output}: {@code engine}'s Jacobian of the
     * reverse-mode gradient graph. With the forward engine that is forward over reverse; with
     * the reverse engine, reverse over reverse: exact either way. The numeric engine takes its
     * differences of that exact gradient. The gradient it reports is {@code engine}'s own, the
     * same numbers as {@link #gradient} gives.
     */
    public Hessian hessian(Engine engine, Compiled f, Tensor[] point, int[] wrt, int output) {
        Compiled gradientProgram = f.gradientProgram(wrt, output);
        Tensor[] extended = new Tensor[point.length + 1];
        System.arraycopy(point, 0, extended, 0, point.length);
        extended[point.length] = Tensor.scalar(1.0);
        int[] gradients = allOutputs(gradientProgram);
        // the gradient (by the engine) and the gradient program's Jacobian, admitted together
        long cost = plus(cost(f, sweeps(engine, f, wrt, new int[] {output})),
                cost(gradientProgram, sweeps(engine, gradientProgram, wrt, gradients)));
        checkCost(f.limits(), cost, cost + " element operations for the gradient and its Jacobian");
        Evaluation primal = new Evaluation(f, point);
        Tensor[] gradient = gradient(engine, primal, wrt, output);
        // the gradient program starts with f's nodes: their values carry over
        Evaluation at = new Evaluation(gradientProgram, extended, primal.values());
        Tensor[][] hessian = Jacobians.jacobian(engine, at, wrt, gradients);
        return new Hessian(primal.output(output), gradient, hessian);
    }

    /** Jacobian-vector product: the tangent of every output, for the tangents of the inputs {@code wrt}. */
    public Tensor[] jvp(Engine engine, Compiled f, Tensor[] point, int[] wrt, Tensor[] tangent) {
        return jvp(engine, new Evaluation(f, point), wrt, tangent);
    }

    /** As above, at a point whose primal values {@code at} may already hold (and then keeps). */
    public Tensor[] jvp(Engine engine, Evaluation at, int[] wrt, Tensor[] tangent) {
        Compiled f = at.function();
        int[] outputs = allOutputs(f);
        checkCost(f, engine.forwardNative() ? 1 + engine.evaluationsPerDirection() : sweeps(engine, f, wrt, outputs));
        return engine.jvp(at, wrt, outputs, new Tensor[][] {tangent})[0];
    }

    /** Vector-Jacobian product: the cotangent of the inputs {@code wrt}, for a cotangent of every output. */
    public Tensor[] vjp(Engine engine, Compiled f, Tensor[] point, int[] wrt, Tensor[] cotangent) {
        return vjp(engine, new Evaluation(f, point), wrt, cotangent);
    }

    /** As above, at a point whose primal values {@code at} may already hold (and then keeps). */
    public Tensor[] vjp(Engine engine, Evaluation at, int[] wrt, Tensor[] cotangent) {
        Compiled f = at.function();
        int[] outputs = allOutputs(f);
        checkCost(f, engine.forwardNative() ? sweeps(engine, f, wrt, outputs) : 1 + engine.evaluationsPerDirection());
        return engine.vjp(at, wrt, outputs, new Tensor[][] {cotangent})[0];
    }

    /** The total number of elements of the inputs {@code wrt}. */
    private static long inputElements(Compiled f, int[] wrt) {
        long n = 0;
        for (int j : wrt) {
            n += f.graph().shape(f.graph().inputs().get(j)).size();
        }
        return n;
    }

    private static long sweeps(Engine engine, Compiled f, int[] wrt, int[] outputs) {
        long outElements = 0;
        for (int k : outputs) {
            outElements += f.graph().shape(f.graph().outputs().get(k)).size();
        }
        long jacobianElements = Math.multiplyHigh(inputElements(f, wrt), outElements) != 0
                ? Long.MAX_VALUE : inputElements(f, wrt) * outElements;
        if (jacobianElements > f.limits().maxElements()) {
            throw GradientException.limitExceeded("gradient.limits.max-elements",
                    "the Jacobian would have " + jacobianElements + " elements; the limit is " + f.limits().maxElements());
        }
        return plus(engine.evaluations(inputElements(f, wrt), outElements), 2);
    }

    private static void checkCost(Compiled f, long sweeps) {
        checkCost(f.limits(), cost(f, sweeps), sweeps + " sweeps of a graph costing " + f.graph().cost() + " element operations");
    }

    /** The estimated cost of {@code sweeps} sweeps of {@code f}, in element operations; saturating. */
    private static long cost(Compiled f, long sweeps) {
        long cost = f.graph().cost();
        return cost > 0 && sweeps > Long.MAX_VALUE / cost ? Long.MAX_VALUE : cost * sweeps;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static void checkCost(BuildLimits limits, long cost, String what) {
        if (cost > limits.maxCost()) {
            throw GradientException.limitExceeded("gradient.limits.max-cost",
                    "the estimated cost (" + what + ") passes the limit of " + limits.maxCost());
        }
    }

    private static int[] allOutputs(Compiled f) {
        int[] outputs = new int[f.graph().outputs().size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = k;
        }
        return outputs;
    }
}
