package dev.gradient.symbolic;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.op.OpRegistry;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A derivative formula as it is built: a DAG of inputs, constants and public ops in topological
 * order, in which every node is made once (equal nodes are shared: common subexpressions are
 * named once) and the obvious is simplified as nodes are added, where that keeps the numbers:
 * constants are folded by the op's own kernel, {@code x*1}, {@code x/1}, {@code x+0},
 * {@code -1*x} (as {@code -x}),
 * {@code x-0}, {@code -(-x)} and a {@code where} with a constant condition give {@code x} (or
 * the branch taken), and the internal ops of derivative rules are rewritten into public ones
 * ({@link PublicForms}). {@code 0*x} is never folded for a non-constant {@code x}: it is NaN
 * where {@code x} is infinite. The one change a rewrite may make is the sign of a zero
 * ({@code -0 + 0} is {@code +0}).
 */
final class Dag {

    /** The most elements a folded constant may have; larger ones stay ops. */
    private static final int FOLD_LIMIT = 4096;

    /**
     * One node: an input ({@code input} set), a constant ({@code constant} set) or an op
     * applied to earlier nodes.
     */
    record Entry(String input, Tensor constant, Primitive op, int[] args, Attrs attrs, Shape shape) {

        boolean isConstant() {
            return constant != null;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Object, Integer> made = new HashMap<>();
    private final OpRegistry ops = OpRegistry.standard();
    private final int maxNodes;
    private final long maxConstantElements;
    private long constantElements;
    private final PublicForms publicForms = new PublicForms(this);

    Dag(int maxNodes, long maxConstantElements) {
        this.maxNodes = maxNodes;
        this.maxConstantElements = maxConstantElements;
    }

    /** The nodes, in topological order. */
    List<Entry> entries() {
        return entries;
    }

    Entry get(int node) {
        return entries.get(node);
    }

    Shape shape(int node) {
        return entries.get(node).shape();
    }

    /** The input {@code name} of shape {@code shape}. */
    int input(String name, Shape shape) {
        return add(List.of("input", name), new Entry(name, null, null, null, Attrs.NONE, shape));
    }

    /** A constant, shared with every equal constant (equal bit for bit). */
    int constant(Tensor value) {
        constantElements += value.size();
        if (constantElements > maxConstantElements) {
            throw GradientException.limitExceeded("gradient.derivative.max-constant-elements", "the derivative's constants"
                    + " would have more than " + maxConstantElements + " elements");
        }
        long[] bits = new long[value.size()];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = Double.doubleToRawLongBits(value.get(k));
        }
        return add(List.of("const", value.shape(), Arrays.hashCode(bits), new Bits(bits)),
                new Entry(null, value, null, null, Attrs.NONE, value.shape()));
    }

    int constant(double value, Shape shape) {
        return constant(Tensor.filled(shape, value));
    }

    /** The public op {@code name} applied to {@code args}, simplified. */
    int call(String name, Attrs attrs, int... args) {
        return apply((Primitive) ops.require(name), attrs, args);
    }

    int call(String name, int... args) {
        return call(name, Attrs.NONE, args);
    }

    /** {@code op} applied to {@code args}: simplified, folded, rewritten into public ops where it is internal, and shared. */
    int apply(Primitive op, Attrs attrs, int... args) {
        Shape[] argShapes = new Shape[args.length];
        boolean allConstant = true;
        for (int j = 0; j < args.length; j++) {
            argShapes[j] = shape(args[j]);
            allConstant &= get(args[j]).isConstant();
        }
        Shape shape = op.shape(argShapes, attrs);
        if (allConstant && shape.size() <= FOLD_LIMIT) {
            Tensor[] values = new Tensor[args.length];
            for (int j = 0; j < args.length; j++) {
                values[j] = get(args[j]).constant();
            }
            return constant(op.apply(values, attrs));
        }
        if (!op.isPublic()) {
            return publicForms.of(op.name(), attrs, args, shape);
        }
        int simpler = simplified(op.name(), args, shape);
        if (simpler >= 0) {
            return simpler;
        }
        return add(List.of(op.name(), attrs.asMap(), Arrays.toString(args)), new Entry(null, null, op, args.clone(), attrs, shape));
    }

    /** The node that {@code op(args)} equals exactly (but perhaps for the sign of a zero), or -1. */
    private int simplified(String op, int[] args, Shape shape) {
        switch (op) {
            case "mul": {
                int other = either(args, shape, 1.0);
                if (other < 0) {
                    int negated = either(args, shape, -1.0);
                    // -1 * x is -x bit for bit
                    return negated < 0 ? -1 : call("neg", negated);
                }
                return other;
            }
            case "add":
                return either(args, shape, 0.0);
            case "div":
            case "sub":
                return isFilled(args[1], op.equals("div") ? 1.0 : 0.0) && shape(args[0]).equals(shape) ? args[0] : -1;
            case "identity":
                return args[0];
            case "neg": {
                Entry x = get(args[0]);
                return x.op() != null && x.op().name().equals("neg") ? x.args()[0] : -1;
            }
            case "reshape":
                return shape(args[0]).equals(shape) ? args[0] : -1;
            case "where": {
                Entry cond = get(args[0]);
                if (!cond.isConstant()) {
                    return -1;
                }
                boolean allTrue = true;
                boolean allFalse = true;
                for (double c : cond.constant().values()) {
                    allTrue &= c != 0.0;
                    allFalse &= c == 0.0;
                }
                int taken = allTrue ? args[1] : allFalse ? args[2] : -1;
                return taken >= 0 && shape(taken).equals(shape) ? taken : -1;
            }
            default:
                return -1;
        }
    }

    /** The other argument where one of the two is the constant {@code unit} throughout and the other has the result's shape. */
    private int either(int[] args, Shape shape, double unit) {
        if (isFilled(args[1], unit) && shape(args[0]).equals(shape)) {
            return args[0];
        }
        if (isFilled(args[0], unit) && shape(args[1]).equals(shape)) {
            return args[1];
        }
        return -1;
    }

    /** Whether {@code node} is a constant whose every element is {@code value} ({@code 0.0} matches both zeros). */
    boolean isFilled(int node, double value) {
        Entry e = get(node);
        if (!e.isConstant()) {
            return false;
        }
        for (double v : e.constant().values()) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    private int add(Object key, Entry entry) {
        Integer known = made.get(key);
        if (known != null) {
            return known;
        }
        if (entries.size() >= maxNodes) {
            throw GradientException.limitExceeded("gradient.derivative.max-nodes", "the derivative would have more than "
                    + maxNodes + " nodes");
        }
        entries.add(entry);
        made.put(key, entries.size() - 1);
        return entries.size() - 1;
    }

    /** A constant's bits, compared as an array. */
    private record Bits(long[] bits) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits other && Arrays.equals(bits, other.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    /** The error for an internal op that has no public form here. */
    static GradientException noPublicForm(String op) {
        return new GradientException(ErrorCode.UNKNOWN_OP, "the derivative needs the internal op '" + op + "', which has no"
                + " public form in a derivative formula yet; /gradient, /jacobian and /hessian compute it at a point");
    }
}
