package dev.gradient.op;

import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The test cases of every op: argument shapes, attributes, and the domain that random points
 * are drawn from, away from kinks and singular points so that central differences apply.
 * Every registered op must have an entry, so that registering an op is what gets it tested.
 */
final class OpCases {

    /** Where an argument's random values come from. */
    @FunctionalInterface
    interface Domain {
        double sample(Random random);
    }

    /** An argument: a differentiated input, or a constant (such as {@code where}'s condition) that is not. */
    record Arg(Shape shape, Domain domain, boolean constant) {
    }

    /** One way to call an op; {@code zeroDerivative} where its derivative is zero by definition, so differences do not apply. */
    record Case(String label, List<Arg> args, Attrs attrs, boolean zeroDerivative) {

        Case withAttrs(String name, Object value) {
            return new Case(label + " " + name + "=" + value, args, attrs.with(name, value), zeroDerivative);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final Domain ANY = uniform(-2, 2);
    static final Domain POSITIVE = uniform(0.2, 3);
    static final Domain NONZERO = awayFromZero(0.1, 2);
    static final Domain UNIT = uniform(-0.9, 0.9);

    private static final Map<String, List<Case>> CASES = new HashMap<>();

    static {
        for (String op : List.of("add", "sub", "mul", "mul_no_nan", "maximum", "minimum")) {
            binary(op, ANY, ANY);
        }
        binary("div", ANY, NONZERO);
        binary("pow", uniform(0.5, 2), ANY);
        add("pow", new Case("negative base, constant integer exponent",
                List.of(arg(uniform(-2, -0.5), 2, 3), constant(oneOf(2, 3), 3)), Attrs.NONE, false));
        add("pow", new Case("constant scalar exponent (the written-out derivative)",
                List.of(arg(uniform(0.5, 2), 2, 3), constant(oneOf(0, 1, 2, 3, 0.5, -1.5))), Attrs.NONE, false));
        binary("atan2", NONZERO, NONZERO);
        binary("hypot", NONZERO, NONZERO);
        binary("hypot_ratio", NONZERO, NONZERO);
        binary("mul_log", ANY, POSITIVE);

        for (String op : List.of("neg", "identity", "exp", "expm1", "square", "sin", "cos", "atan", "sinh", "cosh", "tanh",
                "asinh", "erf", "sigmoid", "softplus", "sech")) {
            unary(op, ANY);
        }
        unary("log", POSITIVE);
        unary("sqrt", POSITIVE);
        unary("log1p", uniform(-0.8, 2));
        unary("cbrt", NONZERO);
        unary("tan", uniform(-1.2, 1.2));
        unary("asin", UNIT);
        unary("acos", UNIT);
        unary("atanh", UNIT);
        unary("acosh", uniform(1.2, 3));
        unary("abs", NONZERO);
        unary("sign", NONZERO);
        unary("relu", NONZERO);
        add("sigmoid", call("far from 0", arg(uniform(-30, 30), 5)));
        add("softplus", call("far from 0", arg(uniform(-30, 30), 5)));

        for (String op : List.of("lt", "le", "gt", "ge", "eq", "ne")) {
            binary(op, ANY, ANY);
        }
        add("where", call("[2,3] ? [2,3] : [3]", constant(oneOf(0, 1), 2, 3), arg(ANY, 2, 3), arg(ANY, 3)));
        add("where", call("[3] ? [] : [2,3]", constant(oneOf(0, 1), 3), arg(ANY), arg(ANY, 2, 3)));

        for (String op : List.of("sum", "mean", "max", "min", "logsumexp", "norm")) {
            reduction(op);
        }
        reduction("prod");
        add("prod", call("[5]: odd length, padded", arg(ANY, 5)));
        add("prod", call("[4,2]", arg(ANY, 4, 2)).withAttrs("axis", 0));
        add("prod", call("[]", arg(ANY)));
        add("logsumexp", call("[3] large", arg(uniform(500, 800), 3)));

        for (String op : List.of("matmul", "matmul_no_nan")) {
            add(op, call("[2,3] @ [3,4]", arg(ANY, 2, 3), arg(ANY, 3, 4)));
            add(op, call("[2,3] @ [3]", arg(ANY, 2, 3), arg(ANY, 3)));
            add(op, call("[3] @ [3,2]", arg(ANY, 3), arg(ANY, 3, 2)));
            add(op, call("[3] @ [3]", arg(ANY, 3), arg(ANY, 3)));
        }
        add("matmul_transposed", call("[2,3] @ transpose([4,3])", arg(ANY, 2, 3), arg(ANY, 4, 3)));
        add("matmul_transposed", call("[3] @ transpose([2,3])", arg(ANY, 3), arg(ANY, 2, 3)));
        add("matmul_transposed", call("[1,3] @ transpose([1,3])", arg(ANY, 1, 3), arg(ANY, 1, 3)));
        add("dot", call("[3] . [3]", arg(ANY, 3), arg(ANY, 3)));
        add("outer", call("[3] x [2]", arg(ANY, 3), arg(ANY, 2)));
        add("transpose", call("[2,3]", arg(ANY, 2, 3)));

        add("reshape", call("[2,3] to [3,2]", arg(ANY, 2, 3)).withAttrs("shape", List.of(3, 2)));
        add("reshape", call("[6] to [-1,2]", arg(ANY, 6)).withAttrs("shape", List.of(-1, 2)));
        add("concat", call("[3], [2]", arg(ANY, 3), arg(ANY, 2)));
        add("concat", call("[2,3], [1,3]", arg(ANY, 2, 3), arg(ANY, 1, 3)).withAttrs("axis", 0));
        add("concat", call("[2,1], [2,3], [2,2]", arg(ANY, 2, 1), arg(ANY, 2, 3), arg(ANY, 2, 2)).withAttrs("axis", -1));
        add("vector", call("three scalars", arg(ANY), arg(ANY), arg(ANY)));
        add("vector", call("one scalar", arg(ANY)));
        add("stack", call("[2,3], [2,3]", arg(ANY, 2, 3), arg(ANY, 2, 3)));
        add("stack", call("[3] x 3", arg(ANY, 3), arg(ANY, 3), arg(ANY, 3)).withAttrs("axis", -1));
        add("stack", call("[2,2] x 2", arg(ANY, 2, 2), arg(ANY, 2, 2)).withAttrs("axis", 1));
        for (String spec : List.of("1:, 0", "-1", "::-2, 1:", "0:1, ::-1", "1")) {
            add("slice", call("[4,3]", arg(ANY, 4, 3)).withAttrs("spec", spec));
        }
        for (String spec : List.of(":-1", "::2", "::-1", "-2", "-10:10:3")) {
            add("slice", call("[5]", arg(ANY, 5)).withAttrs("spec", spec));
        }
        add("slice", call("[2,3,2]", arg(ANY, 2, 3, 2)).withAttrs("spec", "1, :2"));
        for (String op : List.of("softmax", "log_softmax")) {
            add(op, call("[2,3]", arg(ANY, 2, 3)));
            add(op, call("[2,3]", arg(ANY, 2, 3)).withAttrs("axis", 0));
            add(op, call("[4]", arg(ANY, 4)));
        }

        add("broadcast_to", call("[3] to [2,3]", arg(ANY, 3)).withAttrs("shape", List.of(2, 3)));
        add("sum_to", call("[2,3] to [3]", arg(ANY, 2, 3)).withAttrs("shape", List.of(3)));
        add("sum_to", call("[2,3] to [2,1]", arg(ANY, 2, 3)).withAttrs("shape", List.of(2, 1)));
        add("unslice", call("[2] into [5]", arg(ANY, 2)).withAttrs("shape", List.of(5)).withAttrs("spec", "1::2"));
        add("unslice", call("[3] into [3,4]", arg(ANY, 3)).withAttrs("shape", List.of(3, 4)).withAttrs("spec", ":, -2"));
        add("stop_gradient", new Case("[3]", List.of(arg(ANY, 3)), Attrs.NONE, true));
    }

    private OpCases() {
    }

    /** The cases of op {@code name}; empty where it has none. */
    static List<Case> of(String name) {
        return CASES.getOrDefault(name, List.of());
    }

    /** The names of every op that has cases. */
    static java.util.Set<String> names() {
        return CASES.keySet();
    }

    private static void add(String op, Case c) {
        CASES.computeIfAbsent(op, k -> new java.util.ArrayList<>()).add(c);
    }

    private static Case call(String label, Arg... args) {
        return new Case(label, List.of(args), Attrs.NONE, false);
    }

    /** Equal shapes, then each kind of broadcasting. */
    private static void binary(String op, Domain a, Domain b) {
        add(op, call("[3], [3]", arg(a, 3), arg(b, 3)));
        add(op, call("[2,3], [3]", arg(a, 2, 3), arg(b, 3)));
        add(op, call("[], [2,1]", arg(a), arg(b, 2, 1)));
    }

    private static void unary(String op, Domain domain) {
        add(op, call("[2,3]", arg(domain, 2, 3)));
        add(op, call("[]", arg(domain)));
    }

    /** Over everything, along each axis, counting from either end, and of a scalar. */
    private static void reduction(String op) {
        add(op, call("[2,3]", arg(ANY, 2, 3)));
        add(op, call("[2,3]", arg(ANY, 2, 3)).withAttrs("axis", 0));
        add(op, call("[2,3]", arg(ANY, 2, 3)).withAttrs("axis", -1));
        add(op, call("[]", arg(ANY)));
    }

    static Arg arg(Domain domain, int... dims) {
        return new Arg(Shape.of(dims), domain, false);
    }

    static Arg constant(Domain domain, int... dims) {
        return new Arg(Shape.of(dims), domain, true);
    }

    static Domain uniform(double lo, double hi) {
        return random -> lo + (hi - lo) * random.nextDouble();
    }

    /** Magnitudes in {@code [lo, hi]}, either sign: away from a kink at 0. */
    static Domain awayFromZero(double lo, double hi) {
        return random -> (random.nextBoolean() ? 1 : -1) * (lo + (hi - lo) * random.nextDouble());
    }

    static Domain oneOf(double... values) {
        return random -> values[random.nextInt(values.length)];
    }
}
