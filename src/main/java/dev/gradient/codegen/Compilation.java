package dev.gradient.codegen;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.program.Plan;
import dev.gradient.program.Program;
import dev.gradient.tensor.Shape;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns plans into tiered programs ({@link #program}) and compiles them when they are hot: the
 * policy ({@link CompileSettings}), the one background thread that compiles, with its bounded
 * queue, and the cache of generated classes.
 *
 * <p>Why Janino (Java source compiled at run time, as Apache Spark's whole-stage code
 * generation does) rather than ASM: the generated code is plain Java that calls the ops' own
 * scalar functions, so it is short to write, can be read and logged when something is wrong,
 * and the Java compiler's rules (types, definite assignment, stack maps) are Janino's to get
 * right, not ours; bytecode written with ASM would be faster to produce but every verify error
 * would be ours to debug. Janino compiles a few thousand nodes in milliseconds, off the request
 * thread, which is all this needs.
 *
 * <p>Bounds: a program of more than {@link CompileSettings#maxNodes} nodes stays interpreted,
 * which also bounds the source and so the compile time (Janino is linear in it); compilations
 * run one at a time on a daemon thread behind a queue of {@link CompileSettings#queueSize}
 * (a full queue leaves the program interpreted); generated classes are kept in a Caffeine cache
 * keyed by their source and weighed by the nodes they compute, as the other caches are, and
 * each lives in a class loader of its own, so an evicted class can be unloaded.
 *
 * <p>Engines reach it through {@link #shared()}, a process-wide instance that the service's
 * configuration replaces at start-up ({@code gradient.compile.*}) and tests replace with one
 * that compiles at once or never: {@code Compiled}, which engines and tests construct directly
 * in many places, then needs no new parameter.
 *
 * <p>Thread-safe.
 */
public final class Compilation {

    private static final Logger LOG = LoggerFactory.getLogger(Compilation.class);

    private static volatile Compilation shared = new Compilation(CompileSettings.DEFAULTS);

    private final CompileSettings settings;
    private final Executor executor;
    private final Cache<String, Generated> classes;
    private final AtomicLong compilations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Fault fault = Fault.NONE;
    private volatile String lastCompiledOn;

    /** A generated class and the nodes it computes, its weight in the cache. */
    private record Generated(Class<? extends GeneratedBody> type, int nodes) {
    }

    /** Compilation by {@code settings}, on a background thread of its own. */
    public Compilation(CompileSettings settings) {
        this(settings, background(settings.queueSize()));
    }

    private Compilation(CompileSettings settings, Executor executor) {
        this.settings = settings;
        this.executor = executor;
        this.classes = Caffeine.newBuilder()
                .maximumWeight(settings.cacheNodes())
                .weigher((String source, Generated g) -> g.nodes())
                .build();
    }

    /**
     * Compilation by {@code settings} on the thread that reaches the threshold, before its run
     * goes on: for tests, which must know which path ran, and never for the service, whose
     * requests must not wait for a compiler.
     */
    public static Compilation onCallingThread(CompileSettings settings) {
        return new Compilation(settings, Runnable::run);
    }

    /** The instance that {@code Compiled} and the reverse pass use. */
    public static Compilation shared() {
        return shared;
    }

    /** Makes {@code compilation} the shared instance, for programs made from now on; returns the one it replaces. */
    public static Compilation install(Compilation compilation) {
        Compilation previous = shared;
        shared = compilation;
        return previous;
    }

    /**
     * What runs {@code plan} of {@code graph}, giving the value of every node: the plan itself
     * when compilation is off, else a tiered program.
     */
    public Program program(ShapedGraph graph, Plan plan) {
        return settings.enabled() ? new TieredProgram(this, graph, plan, false) : plan;
    }

    /**
     * As {@link #program}, for a caller that reads only the values of {@code graph}'s outputs
     * (and of the known prefix it passes in): compiled, a node that only its own fused loop
     * reads is kept in a register and its slot left {@code null}, which saves an array and a
     * pass over memory per such node.
     */
    public Program outputsProgram(ShapedGraph graph, Plan plan) {
        return settings.enabled() ? new TieredProgram(this, graph, plan, true) : plan;
    }

    /** The settings. */
    public CompileSettings settings() {
        return settings;
    }

    /** How many programs were compiled (a class from the cache counts too), for tests and diagnostics. */
    public long compilations() {
        return compilations.get();
    }

    /** How many compilations failed or compiled programs were dropped, for tests and diagnostics. */
    public long failures() {
        return failures.get();
    }

    /** Makes the generator write {@code fault} into every class from now on: for tests of the fallback. */
    void inject(Fault injected) {
        this.fault = injected;
    }

    /** The name of the thread that compiled last, or null: for tests that compilation is off the calling thread. */
    String lastCompiledOn() {
        return lastCompiledOn;
    }

    /** Whether {@code program} runs compiled code now: for tests. */
    static boolean isCompiled(Program program) {
        return program instanceof TieredProgram tiered && tiered.isCompiled();
    }

    /** Whether a program that computes {@code nodes} nodes may be compiled ({@link CompileSettings#maxNodes}). */
    boolean fits(int nodes) {
        return nodes <= settings.maxNodes();
    }

    /**
     * Hands {@code task} to the compiling thread; false when its queue is full. Public for
     * engines that compile programs derived from a hot function (its adjoint program) and must
     * build them off the request thread as well; {@link #onCallingThread} runs it at once.
     */
    public boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * {@code plan} compiled for runs that are given its first {@code start} values (and where
     * {@code outputsOnly}, for callers that read only the outputs), or {@code null} where it
     * cannot be (too large, or the generated class fails to compile or load),
     * which is logged once.
     */
    CompiledProgram compile(ShapedGraph graph, Plan plan, int start, boolean outputsOnly) {
        int nodes = plan.size() - start;
        if (!fits(nodes)) {
            LOG.debug("A program of {} nodes stays interpreted: gradient.compile.max-nodes is {}", nodes, settings.maxNodes());
            return null;
        }
        long began = System.nanoTime();
        lastCompiledOn = Thread.currentThread().getName();
        try {
            List<Fusion.Step> steps = Fusion.schedule(graph, plan, start);
            String source = Generator.source(graph, plan, start, steps, outputsOnly, fault);
            Generated generated = classes.get(source, s -> new Generated(JaninoClasses.define(s), nodes));
            GeneratedBody body = generated.type()
                    .getConstructor(Primitive[].class, int[][].class, Attrs[].class, Shape[].class)
                    .newInstance(ops(plan), args(plan), attrs(plan), shapes(graph));
            compilations.incrementAndGet();
            LOG.debug("Compiled a program of {} nodes in {} steps in {} ms", nodes, steps.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            return new CompiledProgram(graph, plan, start, body, generated.type());
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            failures.incrementAndGet();
            LOG.warn("A program of {} nodes could not be compiled and stays interpreted", nodes, e);
            return null;
        }
    }

    /** Forgets the class of {@code program}, whose run threw {@code failure} where the interpreter did not; logs it. */
    void dropped(CompiledProgram program, Throwable failure) {
        failures.incrementAndGet();
        classes.asMap().values().removeIf(g -> g.type() == program.type());
        LOG.warn("Compiled code failed where the interpreter did not; the program of {} nodes is interpreted from now on",
                program.nodes(), failure);
    }

    private static Primitive[] ops(Plan plan) {
        Primitive[] ops = new Primitive[plan.size()];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = plan.op(i);
        }
        return ops;
    }

    private static int[][] args(Plan plan) {
        int[][] args = new int[plan.size()][];
        for (int i = 0; i < args.length; i++) {
            args[i] = plan.args(i);
        }
        return args;
    }

    private static Attrs[] attrs(Plan plan) {
        Attrs[] attrs = new Attrs[plan.size()];
        for (int i = 0; i < attrs.length; i++) {
            attrs[i] = plan.attrs(i);
        }
        return attrs;
    }

    private static Shape[] shapes(ShapedGraph graph) {
        return graph.shapes().toArray(Shape[]::new);
    }

    /** One daemon thread behind a queue of {@code queueSize}, which ends when idle: a full queue rejects. */
    private static Executor background(int queueSize) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueSize), task -> {
                    Thread thread = new Thread(task, "gradient-compile");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
