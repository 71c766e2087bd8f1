package dev.gradient.engine;

/**
 * The one estimate of what a product costs by an engine, used to admit every request (summed
 * over a batch's points by the API, then checked once against the limits): the primal sweep,
 * plus the engine's own cost of the directions it needs ({@link Engine#directionsCost}), plus
 * the dense product through the Jacobian where the product is not native to the engine. A
 * Hessian adds the gradient program's run and the engine's Jacobian of it. Counted in element
 * operations, the unit of {@code gradient.limits.max-cost}; a test checks on the conformance
 * cases that the estimate bounds the work that runs.
 *
 * <p>{@code "auto"} chooses by the directions each engine needs ({@link #directions}), which
 * is the contract's rule: forward where the differentiated inputs have fewer elements than the
 * outputs, else reverse, and forward over reverse for Hessians.
 */
public final class CostModel {

    private CostModel() {
    }

    /**
     * The cost of {@code product} of {@code f} by {@code engine}, differentiating by the inputs
     * {@code wrt}, at one point; gradients and Hessians are of output {@code output}.
     */
    public static Cost estimate(Product product, Engine engine, Compiled f, int[] wrt, int output) {
        long n = inputElements(f, wrt);
        long m = outputElements(f);
        long primal = f.graph().cost();
        int[] all = f.allOutputs();
        int[] scalar = {output};
        return switch (product) {
            case EVALUATE -> new Cost(primal, m, 0);
            case GRADIENT -> new Cost(Cost.add(primal, jacobian(engine, f, wrt, scalar)), Cost.add(1, n), n);
            case JACOBIAN -> new Cost(Cost.add(primal, jacobian(engine, f, wrt, all)), Cost.add(m, Cost.multiply(n, m)),
                    Cost.multiply(n, m));
            case HESSIAN -> new Cost(Cost.add(Cost.add(primal, jacobian(engine, f, wrt, scalar)), hessianPart(engine, f, wrt, output)),
                    Cost.add(Cost.add(1, n), Cost.multiply(n, n)), Cost.multiply(n, n));
            case JVP -> product(Product.JVP, engine, f, wrt, n, m, Cost.multiply(2, m));
            case VJP -> product(Product.VJP, engine, f, wrt, n, m, Cost.add(m, n));
        };
    }

    /** As above, for a product of every output (gradients and Hessians of output 0). */
    public static Cost estimate(Product product, Engine engine, Compiled f, int[] wrt) {
        return estimate(product, engine, f, wrt, 0);
    }

    /**
     * How many directions of its native products {@code engine} needs for {@code product}: what
     * {@code "auto"} compares. A Hessian is a Jacobian of the gradient, with as many outputs as inputs.
     */
    static long directions(Product product, Engine engine, Compiled f, int[] wrt) {
        long n = inputElements(f, wrt);
        long m = outputElements(f);
        return switch (product) {
            case EVALUATE -> 0;
            case GRADIENT -> engine.jacobianDirections(n, 1);
            case JACOBIAN -> engine.jacobianDirections(n, m);
            case HESSIAN -> engine.jacobianDirections(n, n);
            case JVP -> engine.nativeProducts().contains(Product.JVP) ? 1 : engine.jacobianDirections(n, m);
            case VJP -> engine.nativeProducts().contains(Product.VJP) ? 1 : engine.jacobianDirections(n, m);
        };
    }

    /** One JVP or VJP: one native direction, or else the whole Jacobian and the product through it. */
    private static Cost product(Product product, Engine engine, Compiled f, int[] wrt, long n, long m, long results) {
        int[] all = f.allOutputs();
        long primal = f.graph().cost();
        if (engine.nativeProducts().contains(product)) {
            return new Cost(Cost.add(primal, engine.directionsCost(f, wrt, all, 1)), results, 0);
        }
        long dense = Cost.multiply(n, m);
        return new Cost(Cost.add(Cost.add(primal, jacobian(engine, f, wrt, all)), dense), results, dense);
    }

    /** The engine's Jacobian of the outputs {@code outputs} by {@code wrt}, beyond the primal sweep. */
    private static long jacobian(Engine engine, Compiled f, int[] wrt, int[] outputs) {
        long directions = engine.jacobianDirections(inputElements(f, wrt), outputElements(f, outputs));
        return directions == 0 ? 0 : engine.directionsCost(f, wrt, outputs, directions);
    }

    /** The gradient program's run past f's own nodes, and the engine's Jacobian of it. */
    private static long hessianPart(Engine engine, Compiled f, int[] wrt, int output) {
        Compiled gradient = ReversePasses.of(f).gradientProgram(wrt, output);
        long run = Math.max(0, gradient.graph().cost() - f.graph().cost());
        return Cost.add(run, jacobian(engine, gradient, wrt, gradient.allOutputs()));
    }

    /** The total number of elements of the inputs {@code wrt}. */
    static long inputElements(Compiled f, int[] wrt) {
        long n = 0;
        for (int j : wrt) {
            n = Cost.add(n, f.graph().shape(f.graph().inputs().get(j)).size());
        }
        return n;
    }

    /** The total number of elements of every output. */
    static long outputElements(Compiled f) {
        return outputElements(f, f.allOutputs());
    }

    /** The total number of elements of the outputs {@code outputs}. */
    static long outputElements(Compiled f, int[] outputs) {
        long m = 0;
        for (int k : outputs) {
            m = Cost.add(m, f.graph().shape(f.graph().outputs().get(k)).size());
        }
        return m;
    }
}
