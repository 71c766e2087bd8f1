package dev.gradient.codegen;

import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the Java source of a compiled program's {@link GeneratedBody} from its {@link
 * Fusion} schedule. The source depends only on the graph's structure, sizes, ops and the
 * scalar constants that loops read (written as literals, which the JIT folds), not on its
 * attributes or output shapes, which the class takes in its constructor, so that equal source
 * is one cached class.
 *
 * <p>Why the code is cut into many small methods: HotSpot does not JIT-compile a method of
 * more than 8000 bytes of bytecode, and a program that stayed in the bytecode interpreter would
 * be slower than the plan's interpreter. Each fused loop is a method of its own (at most {@link
 * Fusion#MAX_MEMBERS} nodes), consecutive calls are batched into methods of about {@value
 * #MAX_BATCH_BYTES} bytes, and {@code run} calls those methods through a tree of methods of at
 * most {@value #MAX_CALLS} calls each.
 */
final class Generator {

    /** The binary name of every generated class; each lives in a class loader of its own. */
    static final String CLASS_NAME = "dev.gradient.codegen.generated.Program";

    /** The most estimated bytes of bytecode in one method of consecutive calls. */
    private static final int MAX_BATCH_BYTES = 2_000;
    /** A bound on the bytecode of one call: its op, arguments and attributes loaded, the call, the store. */
    private static final int CALL_BYTES = 40;
    /** The most method calls in one method of the call tree (5 bytes each). */
    private static final int MAX_CALLS = 200;

    private final ShapedGraph graph;
    private final Plan plan;
    /** Per node, whether a loop that computes it stores its value: else it lives only in the loop's register. */
    private final boolean[] stored;
    private final StringBuilder methods = new StringBuilder();
    private final Set<Integer> functions = new TreeSet<>();
    private int methodCount;

    private Generator(ShapedGraph graph, Plan plan, boolean[] stored) {
        this.graph = graph;
        this.plan = plan;
        this.stored = stored;
    }

    /**
     * The source of the class that runs {@code steps} of {@code plan} from {@code start} on, with
     * {@code fault} written in. Every value is stored, unless {@code outputsOnly}: then only the
     * outputs and the values that a step other than their own loop reads.
     */
    static String source(ShapedGraph graph, Plan plan, int start, List<Fusion.Step> steps, boolean outputsOnly,
            Fault fault) {
        return new Generator(graph, plan, stored(graph, plan, start, steps, outputsOnly)).write(steps, fault);
    }

    /** Per node, whether its value must be stored: see {@link #source}. */
    private static boolean[] stored(ShapedGraph graph, Plan plan, int start, List<Fusion.Step> steps,
            boolean outputsOnly) {
        boolean[] stored = new boolean[plan.size()];
        if (!outputsOnly) {
            Arrays.fill(stored, true);
            return stored;
        }
        int[] loopOf = new int[plan.size()];
        Arrays.fill(loopOf, -1);
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k) instanceof Fusion.Loop loop) {
                for (int member : loop.members()) {
                    loopOf[member] = k;
                }
            }
        }
        for (int i = start; i < plan.size(); i++) {
            if (plan.op(i) != null) {
                for (int arg : plan.args(i)) {
                    if (loopOf[arg] < 0 || loopOf[arg] != loopOf[i]) {
                        stored[arg] = true;
                    }
                }
            }
        }
        for (int output : graph.outputs()) {
            stored[output] = true;
        }
        return stored;
    }

    private String write(List<Fusion.Step> steps, Fault fault) {
        List<String> leaves = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int batchBytes = 0;
        for (Fusion.Step step : steps) {
            if (step instanceof Fusion.Call call) {
                if (!batch.isEmpty() && batchBytes + CALL_BYTES > MAX_BATCH_BYTES) {
                    leaves.add(calls(batch));
                    batch.clear();
                    batchBytes = 0;
                }
                batch.add(call.node());
                batchBytes += CALL_BYTES;
            } else if (step instanceof Fusion.Loop loop) {
                if (!batch.isEmpty()) {
                    leaves.add(calls(batch));
                    batch.clear();
                    batchBytes = 0;
                }
                leaves.add(loop(loop));
            }
        }
        if (!batch.isEmpty()) {
            leaves.add(calls(batch));
        }
        String root = tree(leaves);
        StringBuilder s = new StringBuilder();
        s.append("package dev.gradient.codegen.generated;\n")
                .append("import dev.gradient.codegen.GeneratedBody;\n")
                .append("import dev.gradient.codegen.Scalars;\n")
                .append("import dev.gradient.graph.Attrs;\n")
                .append("import dev.gradient.op.Primitive;\n")
                .append("import dev.gradient.program.Plan;\n")
                .append("import dev.gradient.tensor.Arena;\n")
                .append("import dev.gradient.tensor.Shape;\n")
                .append("import dev.gradient.tensor.Tensor;\n")
                .append("import java.util.function.DoubleBinaryOperator;\n")
                .append("import java.util.function.DoubleUnaryOperator;\n")
                .append("public final class Program implements GeneratedBody {\n");
        for (int id : functions) {
            // static final: the JIT takes the function, and the op bound in it, as constants and inlines f
            String type = Scalars.isUnary(id) ? "DoubleUnaryOperator" : "DoubleBinaryOperator";
            String factory = Scalars.isUnary(id) ? "unary" : "binary";
            s.append("  private static final ").append(type).append(" F").append(id)
                    .append(" = Scalars.").append(factory).append('(').append(id).append(");\n");
        }
        s.append("  private final Primitive[] ops;\n  private final int[][] args;\n  private final Attrs[] attrs;\n")
                .append("  private final Shape[] shapes;\n")
                .append("  public Program(Primitive[] ops, int[][] args, Attrs[] attrs, Shape[] shapes) {\n")
                .append("    this.ops = ops;\n    this.args = args;\n    this.attrs = attrs;\n    this.shapes = shapes;\n")
                .append("  }\n")
                .append("  public void run(Tensor[] v, Arena arena) {\n");
        if (fault == Fault.THROWS) {
            s.append("    if (v.length >= 0) throw new IllegalStateException(\"a fault injected by a test\");\n");
        } else if (fault == Fault.UNCOMPILABLE) {
            s.append("    this does not compile;\n");
        }
        if (root != null) {
            s.append("    ").append(root).append("(v, arena);\n");
        }
        s.append("  }\n").append(methods).append("}\n");
        return s.toString();
    }

    /** The method that calls {@code leaves} in order, through intermediate methods where there are many; null for none. */
    private String tree(List<String> leaves) {
        List<String> level = leaves;
        while (level.size() > 1) {
            List<String> parents = new ArrayList<>();
            for (int from = 0; from < level.size(); from += MAX_CALLS) {
                StringBuilder body = new StringBuilder();
                for (String child : level.subList(from, Math.min(level.size(), from + MAX_CALLS))) {
                    body.append("    ").append(child).append("(v, arena);\n");
                }
                parents.add(method(body));
            }
            level = parents;
        }
        return level.isEmpty() ? null : level.get(0);
    }

    private String calls(List<Integer> nodes) {
        StringBuilder body = new StringBuilder();
        for (int node : nodes) {
            // the arguments gathered from the plan's slots, so that a call of any arity is a few bytes
            body.append("    v[").append(node).append("] = ops[").append(node).append("].apply(Plan.gather(args[")
                    .append(node).append("], v), attrs[").append(node).append("], arena);\n");
        }
        return method(body);
    }

    /**
     * One loop over the elements that computes every member as its op's kernel would: {@code
     * f} of the same doubles (a member's value, an argument's element, or an argument's single
     * element), in the same order, each member's result stored as its value.
     */
    private String loop(Fusion.Loop loop) {
        Set<Integer> members = new LinkedHashSet<>(loop.members());
        Set<Integer> external = new LinkedHashSet<>();
        for (int node : loop.members()) {
            for (int arg : plan.args(node)) {
                if (!members.contains(arg)) {
                    external.add(arg);
                }
            }
        }
        StringBuilder body = new StringBuilder();
        for (int arg : external) {
            if (elementwise(arg, loop.size())) {
                body.append("    final double[] x").append(arg).append(" = v[").append(arg).append("].values();\n");
            } else if (graph.nodes().get(arg) instanceof Node.Const c) {
                // a literal, so that the JIT folds it (pow by a constant 2.0 is then x * x, as in the op's kernel)
                body.append("    final double c").append(arg).append(" = ").append(literal(c.value().get(0))).append(";\n");
            } else {
                body.append("    final double c").append(arg).append(" = v[").append(arg).append("].values()[0];\n");
            }
        }
        for (int node : loop.members()) {
            if (stored[node]) {
                body.append("    final double[] y").append(node).append(" = arena.take(").append(loop.size()).append(");\n");
            }
        }
        body.append("    for (int i = 0; i < ").append(loop.size()).append("; i++) {\n");
        for (int node : loop.members()) {
            int[] args = plan.args(node);
            if (Fusion.broadcastsOneElement(graph, plan, node)) {
                // the one element, as the op's kernel copies it
                body.append("      final double t").append(node).append(" = ").append(operand(args[0], members, loop.size()))
                        .append(";\n");
            } else {
                int id = Scalars.id(plan.op(node));
                functions.add(id);
                body.append("      final double t").append(node).append(" = F").append(id).append(".applyAsDouble(");
                for (int j = 0; j < args.length; j++) {
                    body.append(j == 0 ? "" : ", ").append(operand(args[j], members, loop.size()));
                }
                body.append(");\n");
            }
            if (stored[node]) {
                body.append("      y").append(node).append("[i] = t").append(node).append(";\n");
            }
        }
        body.append("    }\n");
        for (int node : loop.members()) {
            if (stored[node]) {
                body.append("    v[").append(node).append("] = Tensor.of(shapes[").append(node).append("], y")
                        .append(node).append(");\n");
            }
        }
        return method(body);
    }

    /** How a loop reads {@code arg} at element {@code i}. */
    private String operand(int arg, Set<Integer> members, int size) {
        if (members.contains(arg)) {
            return "t" + arg;
        }
        return elementwise(arg, size) ? "x" + arg + "[i]" : "c" + arg;
    }

    /** Whether {@code arg} is read element by element (a step of 1) in a loop of {@code size} elements, not as one element. */
    private boolean elementwise(int arg, int size) {
        return graph.shape(arg).size() == size;
    }

    /** {@code value} as a Java expression of exactly that double. */
    static String literal(double value) {
        if (Double.isNaN(value)) {
            // its own bits: a NaN's payload is part of the value that the interpreter passes on
            return "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits(value)) + "L)";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        // Double.toString gives the shortest decimal that parses back to the same double; its
        // sign in brackets keeps -0.0 and a negative value one operand
        return "(" + Double.toString(value) + ")";
    }

    private String method(StringBuilder body) {
        String name = "m" + methodCount++;
        methods.append("  private void ").append(name).append("(Tensor[] v, Arena arena) {\n").append(body).append("  }\n");
        return name;
    }
}
