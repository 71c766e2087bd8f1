package dev.gradient.engine;

/**
 * The one estimate of what a product costs by an engine, used to admit every request (summed
 * over a batch's points by the API, then checked once against the limits) and by {@code "auto"}
 * to choose an engine ({@link EngineRegistry#auto}). Counted in sweeps of about one evaluation's cost: the primal sweep and a
 * fixed allowance for building and running derivative graphs, plus the engine's sweeps for the
 * Jacobian directions it needs ({@link Engine#jacobianSweeps}); times the function's cost.
 *
 * <p>A Hessian is the engine's Jacobian of the reverse-mode gradient program, whose cost is
 * taken as four evaluations, plus the engine's own gradient that the response reports.
 */
public final class CostModel {

    /** The primal sweep and the allowance for derivative graphs, in sweeps. */
    private static final long OVERHEAD = 3;
    /** A gradient program's cost, in evaluations of the function it differentiates. */
    private static final long GRADIENT_PROGRAM = 4;

    private CostModel() {
    }

    /**
     * The cost of {@code product} of {@code f} by {@code engine}, differentiating by the inputs
     * {@code wrt}, at one point.
     */
    public static Cost estimate(Product product, Engine engine, Compiled f, int[] wrt) {
        long n = inputElements(f, wrt);
        long m = outputElements(f);
        return switch (product) {
            case EVALUATE -> of(f, 1, m, 0);
            case GRADIENT -> of(f, jacobian(engine, n, 1), Cost.add(1, n), n);
            case JACOBIAN -> of(f, jacobian(engine, n, m), Cost.add(m, Cost.multiply(n, m)), Cost.multiply(n, m));
            case HESSIAN -> of(f, Cost.add(jacobian(engine, n, 1), Cost.multiply(GRADIENT_PROGRAM, jacobian(engine, n, n))),
                    Cost.add(Cost.add(1, n), Cost.multiply(n, n)), Cost.multiply(n, n));
            case JVP -> of(f, jacobian(engine, 1, m), Cost.multiply(2, m), dense(engine, Product.JVP, n, m));
            case VJP -> of(f, jacobian(engine, n, 1), Cost.add(m, n), dense(engine, Product.VJP, n, m));
        };
    }

    /**
     * What {@code "auto"} compares between engines: the estimate, but for a Hessian only its
     * dominant term, the Jacobian of the gradient program (the gradient reported beside it
     * costs at most one sweep more per direction), so that Hessians are forward over reverse.
     */
    static long selectionCost(Product product, Engine engine, Compiled f, int[] wrt) {
        if (product == Product.HESSIAN) {
            long n = inputElements(f, wrt);
            return of(f, jacobian(engine, n, n), 0, 0).elementOperations();
        }
        return estimate(product, engine, f, wrt).elementOperations();
    }

    /** The sweeps of a Jacobian with {@code columns} columns and {@code rows} rows by the engine. */
    private static long jacobian(Engine engine, long columns, long rows) {
        return Cost.add(OVERHEAD, engine.jacobianSweeps(columns, rows));
    }

    /** The dense Jacobian that an engine for which {@code product} is not native goes through; else none. */
    private static long dense(Engine engine, Product product, long n, long m) {
        return engine.nativeProducts().contains(product) ? 0 : Cost.multiply(n, m);
    }

    private static Cost of(Compiled f, long sweeps, long resultElements, long largestTensor) {
        return new Cost(Cost.multiply(Math.max(1, f.graph().cost()), sweeps), resultElements, largestTensor);
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
        long m = 0;
        for (int node : f.graph().outputs()) {
            m = Cost.add(m, f.graph().shape(node).size());
        }
        return m;
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
