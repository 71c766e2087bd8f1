package dev.gradient.engine;

import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Hessian-vector products of a scalar output: {@code H v} for tangents {@code v} shaped like
 * the differentiated inputs, without the Hessian. The gradient is written as a function of its
 * own ({@link GradientFunction}) and the engine takes one product of it per direction, natively:
 * a JVP of the gradient (forward over reverse) where the engine's native product is the JVP,
 * else a VJP of it (reverse over reverse: {@code J^T v = H^T v = H v}, the Hessian being
 * symmetric). Either way one sweep over the gradient program carries every direction, so a
 * product costs a small constant times a gradient, whatever the number of inputs; the numeric
 * engine takes central differences of the exact gradient instead.
 *
 * <p>Nothing here checks limits: a caller admits the work first by {@link #estimate}.
 */
@Component
public final class HessianVectorProducts {

    /**
     * The value of the scalar output, its gradient (a tensor per input of {@code wrt}), and one
     * product per direction: {@code products[d][j]} is the part of {@code H v_d} of input {@code wrt[j]}.
     */
    public record Result(Tensor value, Tensor[] gradient, Tensor[][] products) {
    }

    /**
     * The products {@code H v_d} of output {@code output} of {@code f} at {@code point} (a value
     * per input, in input order), differentiated by the inputs {@code wrt}: {@code tangents[d][j]}
     * is direction {@code d}'s tangent of input {@code wrt[j]}, of that input's shape ({@code null} is zero).
     */
    public Result hvp(Engine engine, Compiled f, Tensor[] point, int[] wrt, int output, Tensor[][] tangents) {
        Compiled gradient = GradientFunction.of(f, wrt, output);
        Evaluation primal = new Evaluation(f, point);
        Tensor[] extended = Arrays.copyOf(point, point.length + 1);
        extended[point.length] = Tensor.scalar(1.0);
        // the gradient program starts with f's nodes: their values carry over
        Evaluation at = new Evaluation(gradient, extended, primal.values());
        int[] gradients = gradient.allOutputs();
        Tensor[][] products = new Tensor[tangents.length][];
        for (int start = 0; start < tangents.length; start += Jacobians.BLOCK) {
            Tensor[][] block = Arrays.copyOfRange(tangents, start, Math.min(tangents.length, start + Jacobians.BLOCK));
            Tensor[][] results = forwardOverReverse(engine)
                    ? engine.jvp(at, wrt, gradients, block) : engine.vjp(at, wrt, gradients, block);
            System.arraycopy(results, 0, products, start, results.length);
        }
        return new Result(primal.output(output), at.outputs(), products);
    }

    /**
     * The work of {@code directions} products of output {@code output} by {@code engine} at one
     * point: the primal sweep, the rest of the gradient program, and the engine's native product
     * of the gradient program in that many directions. The result holds the value, the gradient
     * and a vector per direction.
     */
    public static Cost estimate(Engine engine, Compiled f, int[] wrt, int output, long directions) {
        Compiled gradient = GradientFunction.of(f, wrt, output);
        long n = CostModel.inputElements(f, wrt);
        long primal = f.graph().cost();
        long rest = Math.max(0, gradient.graph().cost() - primal);
        long products = directions == 0 ? 0 : engine.directionsCost(gradient, wrt, gradient.allOutputs(), directions);
        return new Cost(Cost.add(Cost.add(primal, rest), products), Cost.add(Cost.add(1, n), Cost.multiply(directions, n)), n);
    }

    /**
     * The engine that {@code "auto"} picks: the first that may be chosen automatically and runs
     * JVPs natively (forward over reverse, as for Hessians), else the first that may be chosen at all.
     */
    public static Engine auto(EngineRegistry registry) {
        Engine fallback = null;
        for (Engine engine : registry.all()) {
            if (engine.automatic()) {
                if (engine.nativeProducts().contains(Product.JVP)) {
                    return engine;
                }
                fallback = fallback == null ? engine : fallback;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no engine may be chosen automatically");
        }
        return fallback;
    }

    private static boolean forwardOverReverse(Engine engine) {
        return engine.nativeProducts().contains(Product.JVP);
    }
}
