package dev.gradient.engine;

import dev.gradient.codegen.Compilation;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Tensor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first-order reverse sweep of one function for one choice of differentiated inputs and
 * pulled-back outputs, tiered as programs are: the interpreted {@link Tape} at first, and once the
 * sweep is hot (the compile threshold of runs), its adjoint graph ({@link ReverseTransform})
 * built and compiled on the compiling thread, so that each maximal chain of elementwise
 * contributions is one fused loop ({@code dev.gradient.codegen}); from then on a sweep runs the
 * compiled adjoint program over the point's primal values, once per cotangent direction.
 *
 * <p>Why the adjoint graph rather than a generator of its own for the tape: the adjoint graph is
 * an ordinary graph, so the primal's fusion, bounds, class cache and fallback serve it unchanged,
 * and its values are those of the adjoint graph interpreted, bit for bit. They are the tape's
 * only to rounding: the tape runs the ops' numeric pullbacks, the adjoint graph their graph
 * rules (for {@code x^2}, {@code c * (2 * x)} against {@code c * 2x}, for instance). Live masks
 * are nodes of the adjoint graph, so a {@code where} keeps its exact zeros on this path too.
 *
 * <p>What stays on the tape: a sweep before it is hot; a function with a matrix product ({@link
 * #hasMatrixProduct}); a function whose adjoint cannot be
 * compiled (past {@code gradient.compile.max-nodes}, or its class fails to compile or load,
 * logged once by {@link Compilation}); a compiled adjoint whose run failed (the adjoint program
 * then answers by its interpreter and is dropped); and a sweep of several directions where the
 * compiled program, run once per direction, would cost more element operations than the tape.
 *
 * <p>Cost: once the compiled adjoint is in place, {@link #cost} (what {@code
 * gradient.limits.max-cost} is checked against) is the larger of the tape's estimate and the
 * adjoint's, so a hot function's estimate may grow. The sweep that asks for compilation still
 * runs the tape, whose estimate it was given; a request whose estimate was taken in the moment
 * before a background compilation ended may run the adjoint on the tape's estimate (the adjoints
 * measured so far cost 0.9 to 1.6 times the tape's).
 * A sweep made with a threshold of 0 is compiled when it is made, before its first estimate.
 *
 * <p>Thread-safe. The use count is a plain field on purpose, as in the tiered programs: a lost
 * increment only delays compilation by a run.
 */
final class ReverseSweep {

    private static final int ON_TAPE = 0;
    private static final int QUEUED = 1;
    private static final int COMPILED = 2;
    private static final int ON_TAPE_FOR_GOOD = 3;

    private final Compiled function;
    private final int[] wrt;
    private final int[] outputs;
    private final Tape tape;
    private final Compilation compilation;
    private final AtomicInteger state;
    /** The compiled adjoint, once in place; else {@code null}. */
    private volatile Adjoint adjoint;
    /** The element operations of one run of the adjoint program past the primal prefix. */
    private volatile long adjointCost;
    private int uses;

    ReverseSweep(Compiled function, int[] wrt, int[] outputs) {
        this.function = function;
        this.wrt = wrt.clone();
        this.outputs = outputs.clone();
        this.tape = Tape.build(function, wrt, outputs);
        // the policy of the moment it is made, as a function's programs take theirs
        this.compilation = Compilation.shared();
        boolean compiles = compilation.settings().enabled() && compilation.settings().reverseSweeps()
                // the adjoint's own nodes are about as many as the function's, or more: not worth building past the bound
                && function.graph().size() <= compilation.settings().maxNodes()
                && !hasMatrixProduct(function.graph());
        this.state = new AtomicInteger(compiles ? ON_TAPE : ON_TAPE_FOR_GOOD);
        if (compiles && compilation.settings().threshold() == 0) {
            // hot from the start: compiled before the first estimate of its cost, so that the first sweep runs compiled
            request();
        }
    }

    /**
     * Whether {@code graph} has a matrix product, whose sweep stays on the tape: the tape's
     * {@code matmul} pullback hands the transposes to the BLAS's flags and skips live masks that
     * are all live, where the adjoint graph writes a {@code transpose} node and a {@code where} over
     * the product's gradient; the MLP 784-128-10's gradient measured slower compiled
     * (docs/PERFORMANCE.md).
     */
    static boolean hasMatrixProduct(ShapedGraph graph) {
        for (var node : graph.nodes()) {
            if (node instanceof Node.Apply apply && apply.op().name().startsWith("matmul")) {
                return true;
            }
        }
        return false;
    }

    /** The tape, which runs every sweep until the compiled adjoint is in place. */
    Tape tape() {
        return tape;
    }

    /**
     * The element operations of a sweep of {@code directions} directions, at most: the tape's
     * estimate, or the compiled adjoint's where a sweep of that many directions would run it and
     * it is the larger.
     */
    long cost(long directions) {
        long onTape = tape.cost(directions);
        return runsAdjoint(adjoint, directions) ? Math.max(onTape, Cost.multiply(directions, adjointCost)) : onTape;
    }

    /**
     * Whether a sweep of {@code directions} directions runs the compiled adjoint {@code a}: one
     * direction always, more only where that costs no more than the tape, whose vector mode
     * computes each node's partials once for every direction.
     */
    private boolean runsAdjoint(Adjoint a, long directions) {
        return a != null && a.program().runsCompiled(a.primalSize())
                && (directions == 1 || Cost.multiply(directions, adjointCost) <= tape.cost(directions));
    }

    /** Whether sweeps run the compiled adjoint program now: for tests. */
    boolean runsCompiled() {
        Adjoint a = adjoint;
        return a != null && a.program().runsCompiled(a.primalSize());
    }

    /**
     * The cotangents of the differentiated inputs, {@code [direction][wrt]}, for the output
     * cotangents {@code cotangents[direction][output]} ({@code null} is zero), at {@code at},
     * with scratch arrays from its arena, as {@link Tape#run} gives them.
     */
    Tensor[][] run(Evaluation at, Tensor[][] cotangents) {
        Adjoint compiled = compiledFor(cotangents.length);
        if (compiled == null) {
            return tape.run(at.values(), cotangents, at.arena());
        }
        return byAdjoint(compiled, at, cotangents);
    }

    private Adjoint compiledFor(int directions) {
        Adjoint a = adjoint;
        if (a == null) {
            if (state.get() == ON_TAPE && uses++ >= compilation.settings().threshold()) {
                request();
            }
            // not in the sweep that asked for it, even where it is ready at once: that sweep's cost was the tape's
            return null;
        }
        return runsAdjoint(a, directions) ? a : null;
    }

    private void request() {
        if (!state.compareAndSet(ON_TAPE, QUEUED)) {
            return;
        }
        if (!compilation.submit(this::compile)) {
            // the queue is full: ask again after another threshold of sweeps
            uses = 0;
            state.set(ON_TAPE);
        }
    }

    /** On the compiling thread: the adjoint graph built and compiled, or the tape for good. */
    private void compile() {
        try {
            Adjoint a = ReversePasses.of(function).adjoint(wrt, outputs);
            if (a.program().compileNow(a.primalSize())) {
                adjointCost = cost(new Plan(a.graph()), a.primalSize());
                adjoint = a;
                state.set(COMPILED);
                return;
            }
        } catch (RuntimeException e) {
            // an adjoint past the limits (max-nodes) is no error of any request: the tape serves it, and a class that
            // failed to compile was logged by Compilation
            state.set(ON_TAPE_FOR_GOOD);
            return;
        }
        state.set(ON_TAPE_FOR_GOOD);
    }

    private static long cost(Plan plan, int start) {
        long sum = 0;
        for (int i = start; i < plan.size(); i++) {
            sum = Cost.add(sum, plan.cost(i));
        }
        return sum;
    }

    /** One run of the adjoint program per direction, over the point's primal values, reading only its outputs. */
    private Tensor[][] byAdjoint(Adjoint a, Evaluation at, Tensor[][] cotangents) {
        Tensor[] primal = at.values();
        Tensor[] point = at.point();
        Program program = a.program();
        ShapedGraph graph = a.graph();
        Tensor[][] result = new Tensor[cotangents.length][wrt.length];
        for (int d = 0; d < cotangents.length; d++) {
            Tensor[] inputs = new Tensor[graph.inputs().size()];
            System.arraycopy(point, 0, inputs, 0, point.length);
            for (int k = 0; k < outputs.length; k++) {
                Tensor c = cotangents[d][k];
                inputs[point.length + k] = c != null ? c : Tensor.zeros(graph.shape(a.cotangentInputs()[k]));
            }
            Tensor[] values = program.run(inputs, primal, at.arena(), true);
            for (int j = 0; j < wrt.length; j++) {
                result[d][j] = values[program.outputSlot(j)];
            }
        }
        return result;
    }
}
