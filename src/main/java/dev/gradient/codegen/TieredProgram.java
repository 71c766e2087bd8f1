package dev.gradient.codegen;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Tensor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A program that starts interpreted and is compiled once it is used: it runs its {@link Plan}
 * and counts the runs, and at the threshold hands the compilation to {@link Compilation}'s
 * background executor; when the compiled program is ready it is swapped in, and every later run
 * with the same known prefix runs it instead. Whatever goes wrong stays invisible to callers:
 * a full queue leaves it interpreted (it asks again after another threshold of runs); a plan too
 * large, or code that does not compile or load, leaves it interpreted for good; and a run of the
 * compiled code that throws is run again by the interpreter, whose result (or exception) is the
 * answer, and if the interpreter succeeds the compiled code is dropped and the failure logged
 * once.
 *
 * <p>Thread-safe. The use count is a plain field on purpose: a lost increment only delays
 * compilation by a run, and the hot path stays free of atomic writes.
 */
final class TieredProgram implements Program {

    private static final int INTERPRETING = 0;
    private static final int QUEUED = 1;
    private static final int COMPILED = 2;
    private static final int INTERPRETED_FOR_GOOD = 3;

    private final Compilation compilation;
    private final ShapedGraph graph;
    private final Plan plan;
    private final boolean outputsOnly;
    private final AtomicInteger state = new AtomicInteger(INTERPRETING);
    private final AtomicReference<CompiledProgram> compiled = new AtomicReference<>();
    private int uses;

    /** A program of {@code plan}; where {@code outputsOnly}, its callers read only the outputs' values. */
    TieredProgram(Compilation compilation, ShapedGraph graph, Plan plan, boolean outputsOnly) {
        this.compilation = compilation;
        this.graph = graph;
        this.plan = plan;
        this.outputsOnly = outputsOnly;
    }

    @Override
    public int size() {
        return plan.size();
    }

    @Override
    public int outputSlot(int k) {
        return plan.outputSlot(k);
    }

    @Override
    public Tensor[] run(Tensor[] inputs, Tensor[] known) {
        return run(inputs, known, Arena.none(), false);
    }

    @Override
    public Tensor[] run(Tensor[] inputs, Tensor[] known, Arena arena, boolean onlyOutputsRead) {
        CompiledProgram c = compiled.get();
        if (c == null && state.get() == INTERPRETING && uses++ >= compilation.settings().threshold()) {
            requestCompilation(known.length);
            c = compiled.get();
        }
        if (c != null && c.start() == known.length) {
            try {
                return c.run(inputs, known, arena);
            } catch (RuntimeException | LinkageError e) {
                return runInterpreted(c, e, inputs, known);
            }
        }
        return plan.run(inputs, known, arena, onlyOutputsRead);
    }

    @Override
    public boolean compileNow(int knownLength) {
        if (state.compareAndSet(INTERPRETING, QUEUED)) {
            compile(knownLength);
        }
        return runsCompiled(knownLength);
    }

    @Override
    public boolean runsCompiled(int knownLength) {
        CompiledProgram c = compiled.get();
        return c != null && c.start() == knownLength;
    }

    /** Whether the compiled program is in place: for tests and diagnostics. */
    boolean isCompiled() {
        return compiled.get() != null;
    }

    private void requestCompilation(int start) {
        if (!state.compareAndSet(INTERPRETING, QUEUED)) {
            return;
        }
        if (!compilation.fits(plan.size() - start)) {
            // too large: not worth a place in the queue
            state.set(INTERPRETED_FOR_GOOD);
            return;
        }
        if (!compilation.submit(() -> compile(start))) {
            // the queue is full: stay interpreted, and ask again after another threshold of runs
            uses = 0;
            state.set(INTERPRETING);
        }
    }

    private void compile(int start) {
        CompiledProgram program = compilation.compile(graph, plan, start, outputsOnly);
        if (program == null) {
            state.set(INTERPRETED_FOR_GOOD);
        } else {
            compiled.set(program);
            state.set(COMPILED);
        }
    }

    /**
     * The interpreter's answer after compiled code threw {@code failure}. If the interpreter
     * throws too, its exception is the answer and the compiled code, which agreed, stays.
     */
    private Tensor[] runInterpreted(CompiledProgram failed, Throwable failure, Tensor[] inputs, Tensor[] known) {
        Tensor[] values = plan.run(inputs, known);
        if (compiled.compareAndSet(failed, null)) {
            state.set(INTERPRETED_FOR_GOOD);
            compilation.dropped(failed, failure);
        }
        return values;
    }
}
