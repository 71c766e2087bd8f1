package dev.gradient.engine;

import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The products that the HTTP API offers, built on any {@link Engine}: evaluation, gradient,
 * Jacobian, Hessian, JVP and VJP, and several engines' Jacobians at once for a gradient check.
 * None is written again per engine.
 *
 * <p>Nothing here checks limits: a caller admits the work first by its {@link CostModel}
 * estimate, as the API does for every request, summed over its points.
 *
 * <p>Evaluations and gradients run inside an {@link Arena}: their intermediate arrays are lent
 * and given back, and what they return is kept out of it, so a function called again and again
 * (an optimizer's loop, a batch) does not allocate its intermediates anew.
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
        try (Arena arena = Arena.open()) {
            // only the outputs are read, so every other value's array goes back as soon as it is dead
            Tensor[] values = f.program().run(point, new Tensor[0], arena, true);
            Tensor[] outputs = new Tensor[f.graph().outputs().size()];
            for (int k = 0; k < outputs.length; k++) {
                outputs[k] = values[f.program().outputSlot(k)];
            }
            arena.keep(outputs);
            return outputs;
        }
    }

    /** The value and gradient of the scalar output {@code output}. */
    public Gradient gradient(Engine engine, Compiled f, Tensor[] point, int[] wrt, int output) {
        try (Arena arena = Arena.open()) {
            return gradient(engine, f, point, wrt, output, arena);
        }
    }

    /** As above, with arrays from {@code arena}; what it returns is kept out of it. */
    private static Gradient gradient(Engine engine, Compiled f, Tensor[] point, int[] wrt, int output, Arena arena) {
        Evaluation at = new Evaluation(f, point, arena);
        Gradient result = new Gradient(at.output(output), gradient(engine, at, wrt, output));
        arena.keep(result.value());
        arena.keep(result.gradient());
        return result;
    }

    /**
     * The value and gradient of the scalar output {@code output} at each of {@code points} (a
     * value per input, in input order), the same numbers as {@link #gradient} gives point by
     * point. A function of scalars made of elementwise ops runs every point in one sweep (see
     * {@link PointwiseBatch}); any other function, or an engine that {@code "auto"} may not
     * choose (the numeric reference), runs point by point.
     */
    public Gradient[] gradients(Engine engine, Compiled f, Tensor[][] points, int[] wrt, int output) {
        Optional<Compiled> batch = engine.automatic() ? PointwiseBatch.of(f).over(points.length) : Optional.empty();
        Gradient[] results = new Gradient[points.length];
        try (Arena arena = Arena.open()) {
            if (batch.isEmpty()) {
                // one arena for every point: the arrays of one point's intermediates serve the next
                for (int p = 0; p < points.length; p++) {
                    results[p] = gradient(engine, f, points[p], wrt, output, arena);
                    arena.reclaim();
                }
                return results;
            }
            return gradientsInOneSweep(engine, batch.get(), points, wrt, output, arena);
        }
    }

    /** The batch form of {@link #gradients}: every point at once, as vectors; nothing it returns is the arena's. */
    private static Gradient[] gradientsInOneSweep(Engine engine, Compiled batch, Tensor[][] points, int[] wrt, int output,
            Arena arena) {
        Gradient[] results = new Gradient[points.length];
        Evaluation at = new Evaluation(batch, columns(points, batch.inputNames().size()), arena);
        Tensor ones = Tensor.filled(Shape.of(points.length), 1.0);
        Tensor[] byInput;
        if (engine.nativeProducts().contains(Product.VJP)) {
            byInput = engine.vjp(at, wrt, new int[] {output}, new Tensor[][] {{ones}})[0];
        } else {
            byInput = new Tensor[wrt.length];
            Tensor[][] tangents = new Tensor[wrt.length][wrt.length];
            for (int j = 0; j < wrt.length; j++) {
                tangents[j][j] = ones;
            }
            Tensor[][] columns = engine.jvp(at, wrt, new int[] {output}, tangents);
            for (int j = 0; j < wrt.length; j++) {
                byInput[j] = columns[j][0];
            }
        }
        Tensor values = at.output(output);
        for (int p = 0; p < points.length; p++) {
            Tensor[] gradient = new Tensor[wrt.length];
            for (int j = 0; j < wrt.length; j++) {
                gradient[j] = Tensor.scalar(byInput[j].get(p));
            }
            results[p] = new Gradient(Tensor.scalar(values.get(p)), gradient);
        }
        return results;
    }

    /** Whether {@link #gradients} runs {@code points} points of {@code f} by {@code engine} as one sweep (else point by point). */
    public boolean runsAsOneBatch(Engine engine, Compiled f, int points) {
        return engine.automatic() && PointwiseBatch.of(f).over(points).isPresent();
    }

    /** Each input's values at every point, as one vector per input. */
    private static Tensor[] columns(Tensor[][] points, int inputs) {
        Tensor[] columns = new Tensor[inputs];
        for (int k = 0; k < inputs; k++) {
            double[] column = new double[points.length];
            for (int p = 0; p < points.length; p++) {
                column[p] = points[p][k].scalarValue();
            }
            columns[k] = Tensor.of(Shape.of(points.length), column);
        }
        return columns;
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
        return Jacobians.jacobian(engine, at, wrt, at.function().allOutputs());
    }

    /**
     * The Jacobian of every output by the inputs {@code wrt} by each of {@code engines}, in that
     * order ({@code [engine][output][wrt]}), at one point.
     */
    public Tensor[][][] jacobians(List<Engine> engines, Evaluation at, int[] wrt) {
        int[] outputs = at.function().allOutputs();
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
        Compiled gradientProgram = ReversePasses.of(f).gradientProgram(wrt, output);
        Tensor[] extended = new Tensor[point.length + 1];
        System.arraycopy(point, 0, extended, 0, point.length);
        extended[point.length] = Tensor.scalar(1.0);
        int[] gradients = gradientProgram.allOutputs();
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
        return engine.jvp(at, wrt, at.function().allOutputs(), new Tensor[][] {tangent})[0];
    }

    /** Vector-Jacobian product: the cotangent of the inputs {@code wrt}, for a cotangent of every output. */
    public Tensor[] vjp(Engine engine, Compiled f, Tensor[] point, int[] wrt, Tensor[] cotangent) {
        return vjp(engine, new Evaluation(f, point), wrt, cotangent);
    }

    /** As above, at a point whose primal values {@code at} may already hold (and then keeps). */
    public Tensor[] vjp(Engine engine, Evaluation at, int[] wrt, Tensor[] cotangent) {
        return engine.vjp(at, wrt, at.function().allOutputs(), new Tensor[][] {cotangent})[0];
    }
}
