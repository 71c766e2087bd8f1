package dev.gradient.engine;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Random broadcasting graphs over three inputs of shapes {@code []}, {@code [3]} and
 * {@code [2, 3]}, for property tests that compare engines: elementwise ops (among them those
 * whose derivative rules branch or mask: pow, where, maximum, minimum, abs, atan2, hypot),
 * reductions, matmul and dot, softmax and log_softmax, each kept where it is smooth at the
 * point the graph is evaluated at ({@link #point}).
 *
 * <p>Built from a seed so that a failing case can be replayed, and step by step: step {@code i}
 * draws from the seed's generator only after the steps before it, so the graph of size
 * {@code k} is the first {@code k} steps of the graph of any larger size with the same seed,
 * which shrinking by size relies on.
 */
final class RandomGraphs {

    static final Shape[] INPUT_SHAPES = {Shape.SCALAR, Shape.of(3), Shape.of(2, 3)};
    private static final Shape VECTOR = INPUT_SHAPES[1];
    private static final Shape MATRIX = INPUT_SHAPES[2];

    private static final String[] SMOOTH_UNARY =
            {"sin", "cos", "neg", "tanh", "sigmoid", "softplus", "atan", "erf", "square", "asinh"};
    private static final String[] EXPONENTIALS = {"exp", "expm1"};
    private static final String[] BOUNDED = {"sin", "tanh"};
    private static final String[] OF_POSITIVE = {"log", "log1p", "sqrt", "cbrt"};
    private static final String[] LINEAR = {"add", "sub"};
    private static final String[] COMPARISONS = {"gt", "lt"};
    private static final String[] EXTREMA = {"maximum", "minimum"};
    private static final String[] AWAY_FROM_THE_ORIGIN = {"atan2", "hypot"};
    private static final String[] REDUCTIONS = {"sum", "mean", "max", "min", "prod", "norm", "logsumexp"};
    /** The largest size a kept value has at the point: larger ones are scaled down to it. */
    private static final double LARGEST_KEPT = 100.0;
    private static final double[] CONSTANT_EXPONENTS = {-1.0, 0.5, 1.0, 2.0, 3.0};

    /** The kinds of step, drawn with equal weight. */
    private static final List<Move> MOVES = List.of(
            RandomGraphs::smoothUnary, RandomGraphs::boundedExp, RandomGraphs::ofPositive, RandomGraphs::power,
            RandomGraphs::product, RandomGraphs::quotient, RandomGraphs::linear, RandomGraphs::select,
            RandomGraphs::extremum, RandomGraphs::absoluteValue, RandomGraphs::awayFromTheOrigin,
            RandomGraphs::reduction, RandomGraphs::normalisation, RandomGraphs::matrixProduct);

    private RandomGraphs() {
    }

    /**
     * A random graph and the steps that built it, one a line, the output {@code f} last.
     * It prints as the lines that {@code f} depends on, which is how a failing one is reported.
     *
     * @param steps every step's line, in order
     * @param outputDependsOn the positions in {@code steps} of the lines printed
     */
    record RandomGraph(Compiled function, List<String> steps, BitSet outputDependsOn) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            outputDependsOn.stream().forEach(i -> text.append(steps.get(i)).append('\n'));
            int left = steps.size() - outputDependsOn.cardinality();
            return text.append(left == 0 ? "" : "(" + left + " steps that f does not depend on are left out)\n")
                    .toString().strip();
        }
    }

    /** A graph with one output: a random expression of {@code size} steps, summed to a scalar where {@code scalar}. */
    static RandomGraph graph(long seed, int size, boolean scalar) {
        Random random = new Random(seed);
        Steps g = new Steps(point(seed));
        for (int i = 0; i < INPUT_SHAPES.length; i++) {
            g.addInput("x" + i, INPUT_SHAPES[i]);
        }
        for (int i = 0; i < size; i++) {
            g.keep(MOVES.get(random.nextInt(MOVES.size())).next(g, random));
        }
        return g.build(scalar);
    }

    /*
     * The moves keep every value in the domain where its ops are smooth and away from their
     * kinks, ties and poles: the properties compare derivatives, which are only defined there.
     * An offset is drawn afresh for each step, so that two values never meet at a kink by
     * construction (sub(v, v) is exactly 0, but abs(add(sub(v, v), 0.37)) is not at abs's kink).
     */

    /** One step of a random graph, drawn from the values that earlier steps kept. */
    @FunctionalInterface
    private interface Move {
        Term next(Steps g, Random random);
    }

    private static Term smoothUnary(Steps g, Random random) {
        return g.call(oneOf(SMOOTH_UNARY, random), g.latestOrAny(random));
    }

    /** exp and expm1 only of a bounded value, so that values stay moderate. */
    private static Term boundedExp(Steps g, Random random) {
        return g.call(oneOf(EXPONENTIALS, random), g.call(oneOf(BOUNDED, random), g.latestOrAny(random)));
    }

    private static Term ofPositive(Steps g, Random random) {
        return g.call(oneOf(OF_POSITIVE, random), positive(g, random, g.latestOrAny(random)));
    }

    /**
     * pow of a positive base: mostly with a varying bounded exponent, sometimes a constant one,
     * and sometimes one that is exactly 0 at the point in some elements though not constant,
     * where the rules' {@code where(b == 0, ...)} branches (pow is smooth there).
     */
    private static Term power(Steps g, Random random) {
        Term base = positive(g, random, g.latestOrAny(random));
        Term exponent = switch (random.nextInt(5)) {
            case 0 -> g.constant(CONSTANT_EXPONENTS[random.nextInt(CONSTANT_EXPONENTS.length)]);
            // exactly 0 in some elements: where pow's d/da once lost its derivative by the exponent
            case 1 -> zeroAtThePointInSomeElements(g, random);
            default -> varyingExponent(g, random);
        };
        return g.call("pow", base, exponent);
    }

    private static Term varyingExponent(Steps g, Random random) {
        return g.call("mul", g.constant(0.5 + 2.5 * random.nextDouble()), g.call("tanh", g.any(random)));
    }

    /** {@code x - c} for an input {@code x} and a constant {@code c} equal to {@code x} at the point in about half the elements. */
    private static Term zeroAtThePointInSomeElements(Steps g, Random random) {
        int input = random.nextInt(INPUT_SHAPES.length);
        double[] c = g.valueAtThePoint(input).values().clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += random.nextBoolean() ? 0.0 : 0.1 + random.nextDouble();
        }
        return g.call("sub", g.input(input), g.constant(Tensor.of(INPUT_SHAPES[input], c)));
    }

    private static Term product(Steps g, Random random) {
        return g.call("mul", g.latestOrAny(random), g.any(random));
    }

    private static Term quotient(Steps g, Random random) {
        Term numerator = g.latestOrAny(random);
        return g.call("div", numerator, positive(g, random, g.any(random)));
    }

    private static Term linear(Steps g, Random random) {
        return g.call(oneOf(LINEAR, random), g.latestOrAny(random), g.any(random));
    }

    private static Term select(Steps g, Random random) {
        Term a = g.latestOrAny(random);
        Term c = g.any(random);
        return g.call("where", g.call(oneOf(COMPARISONS, random), a, c), a, g.call("mul", c, c));
    }

    private static Term extremum(Steps g, Random random) {
        Term a = g.latestOrAny(random);
        return g.call(oneOf(EXTREMA, random), a, shifted(g, random, g.any(random)));
    }

    private static Term absoluteValue(Steps g, Random random) {
        return g.call("abs", shifted(g, random, g.latestOrAny(random)));
    }

    /** atan2 and hypot, whose only kink is the origin: the second argument is shifted away from the first. */
    private static Term awayFromTheOrigin(Steps g, Random random) {
        Term a = g.latestOrAny(random);
        return g.call(oneOf(AWAY_FROM_THE_ORIGIN, random), a, shifted(g, random, g.any(random)));
    }

    /**
     * A reduction of a vector or matrix, over all elements or over axis 0 (which keeps every
     * shape broadcastable against the others). Distinct offsets per element first, so that no
     * two elements tie for max or min and the norm is not at the zero vector.
     */
    private static Term reduction(Steps g, Random random) {
        Term x = g.any(random, shape -> shape.rank() > 0);
        String op = oneOf(REDUCTIONS, random);
        Attrs attrs = random.nextBoolean() ? Attrs.NONE : Attrs.of("axis", 0);
        return g.call(op, attrs, g.call("add", x, g.constant(distinctOffsets(random, g.shape(x)))));
    }

    /**
     * log_softmax, or softmax as weights of the value it is taken of, of a vector or matrix along
     * the last axis or axis 0: the shape stays. Of a bounded value: far apart elements saturate
     * the softmax, whose derivatives are then left to rounding ({@code 1 - s} with {@code s}
     * about 1), and the engines round apart. Weights, because a softmax summed is the constant
     * 1, whose gradient is 0 but for rounding residues as large as the partials that cancel.
     */
    private static Term normalisation(Steps g, Random random) {
        Term x = g.any(random, shape -> shape.rank() > 0);
        Term bounded = g.call("mul", g.constant(1.0 + 3.0 * random.nextDouble()), g.call(oneOf(BOUNDED, random), x));
        Attrs axis = random.nextBoolean() ? Attrs.NONE : Attrs.of("axis", 0);
        return random.nextBoolean()
                ? g.call("log_softmax", axis, bounded)
                : g.call("mul", x, g.call("softmax", axis, bounded));
    }

    /**
     * matmul in each of its forms (vector-vector, matrix-vector, vector-matrix, matrix-matrix),
     * and dot, back to a shape that broadcasts against the others.
     */
    private static Term matrixProduct(Steps g, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> g.call("matmul", g.any(random, VECTOR::equals), g.any(random, VECTOR::equals));
            case 1 -> g.call("dot", g.any(random, VECTOR::equals), g.any(random, VECTOR::equals));
            case 2 -> g.call("matmul", g.call("matmul", g.any(random, MATRIX::equals), g.any(random, VECTOR::equals)),
                    g.any(random, MATRIX::equals));
            default -> g.call("matmul", g.call("matmul", g.any(random, MATRIX::equals),
                    g.call("transpose", g.any(random, MATRIX::equals))), g.any(random, MATRIX::equals));
        };
    }

    /** {@code softplus(x) + r} for a fresh {@code r} in [0.25, 1.25): positive, and not close to 0. */
    private static Term positive(Steps g, Random random, Term x) {
        return g.call("add", g.call("softplus", x), g.constant(0.25 + random.nextDouble()));
    }

    /** {@code x + r} for a fresh {@code r} of either sign, 0.1 to 1.1 in size. */
    private static Term shifted(Steps g, Random random, Term x) {
        double r = 0.1 + random.nextDouble();
        return g.call("add", x, g.constant(random.nextBoolean() ? r : -r));
    }

    private static Tensor distinctOffsets(Random random, Shape shape) {
        double[] offsets = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i + random.nextDouble(); // in [i, i + 1): distinct
        }
        return Tensor.of(shape, offsets);
    }

    private static String oneOf(String[] names, Random random) {
        return names[random.nextInt(names.length)];
    }

    /** The point, readably: each input's values, in full precision. */
    static String describe(Tensor[] point) {
        StringBuilder text = new StringBuilder("point:");
        for (int i = 0; i < point.length; i++) {
            text.append(i == 0 ? " x" : ", x").append(i).append(" = ").append(Arrays.toString(point[i].values()));
        }
        return text.toString();
    }

    /** A random point for the inputs, elements in [-2, 2]. */
    static Tensor[] point(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Tensor[] point = new Tensor[INPUT_SHAPES.length];
        for (int i = 0; i < point.length; i++) {
            double[] values = new double[Math.toIntExact(INPUT_SHAPES[i].size())];
            for (int j = 0; j < values.length; j++) {
                values[j] = 4 * random.nextDouble() - 2;
            }
            point[i] = Tensor.of(INPUT_SHAPES[i], values);
        }
        return point;
    }

    /** A value of the graph being built, with how it reads and the kept values it is computed from. */
    private record Term(int node, String text, BitSet uses) {
    }

    /** The graph being built, the values that steps may draw from, and the lines that describe it. */
    private static final class Steps {

        private final GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        private final Tensor[] point;
        private final List<Term> inputs = new ArrayList<>();
        private final List<Term> kept = new ArrayList<>();
        /** A line per kept value: how it was computed. */
        private final List<String> lines = new ArrayList<>();
        /** Per kept value, the kept values it is computed from directly. */
        private final List<BitSet> computedFrom = new ArrayList<>();

        /** Steps of a graph that will be evaluated at {@code point}. */
        Steps(Tensor[] point) {
            this.point = point;
        }

        void addInput(String name, Shape shape) {
            Term input = named(b.input(name, shape), name);
            inputs.add(input);
            kept.add(input);
            lines.add(name + ": input " + shape);
            computedFrom.add(new BitSet());
        }

        private double largestAtThePoint(Term term) {
            Compiled value = new Compiled(b.build(List.of(term.node()), List.of("v")), BuildLimits.NONE);
            double largest = 0.0;
            for (double v : new Evaluation(value, point).output(0).values()) {
                largest = Math.max(largest, Math.abs(v));
            }
            return largest;
        }

        Term input(int i) {
            return inputs.get(i);
        }

        Tensor valueAtThePoint(int input) {
            return point[input];
        }

        /**
         * Keeps {@code term} under the next name {@code v<i>}, for later steps to draw; scaled
         * down where its value at the point is large. Products and powers of products otherwise
         * reach 1e80 within 25 steps, and then the derivatives of sin, softmax or logsumexp of
         * such values are left to rounding, which the engines do in different orders.
         */
        void keep(Term term) {
            double largest = largestAtThePoint(term);
            if (largest > LARGEST_KEPT) {
                term = call("mul", term, constant(LARGEST_KEPT / largest));
            }
            String name = "v" + kept.size();
            lines.add(name + " = " + term.text() + "  " + b.shape(term.node()));
            computedFrom.add(term.uses());
            kept.add(named(term.node(), name));
        }

        /** The next kept value: node {@code node}, read as {@code name}. */
        private Term named(int node, String name) {
            BitSet itself = new BitSet();
            itself.set(kept.size());
            return new Term(node, name, itself);
        }

        /**
         * A step's first argument: half the time the latest value, so that the output depends on
         * long chains of steps rather than on the last few only; else any. (Only the first: where
         * both were often the latest, chains of squares would reach 1e100 and beyond.)
         */
        Term latestOrAny(Random random) {
            return random.nextBoolean() ? kept.get(kept.size() - 1) : any(random);
        }

        /** Any kept value. */
        Term any(Random random) {
            return kept.get(random.nextInt(kept.size()));
        }

        /** A kept value whose shape passes {@code test}; the inputs make sure there is one of each shape. */
        Term any(Random random, Predicate<Shape> test) {
            List<Term> fitting = kept.stream().filter(term -> test.test(shape(term))).toList();
            return fitting.get(random.nextInt(fitting.size()));
        }

        Term constant(double value) {
            return new Term(b.constant(value), Double.toString(value), new BitSet());
        }

        Term constant(Tensor value) {
            return new Term(b.constant(value), "const" + value.shape() + Arrays.toString(value.values()), new BitSet());
        }

        Shape shape(Term term) {
            return b.shape(term.node());
        }

        Term call(String op, Term... args) {
            return call(op, Attrs.NONE, args);
        }

        Term call(String op, Attrs attrs, Term... args) {
            int[] nodes = new int[args.length];
            List<String> texts = new ArrayList<>();
            BitSet uses = new BitSet();
            for (int i = 0; i < args.length; i++) {
                nodes[i] = args[i].node();
                texts.add(args[i].text());
                uses.or(args[i].uses());
            }
            attrs.asMap().forEach((name, value) -> texts.add(name + "=" + value));
            return new Term(b.call(op, attrs, nodes), op + "(" + String.join(", ", texts) + ")", uses);
        }

        /** The graph whose output is the last value kept, summed to a scalar where {@code scalar}. */
        RandomGraph build(boolean scalar) {
            Term last = kept.get(kept.size() - 1);
            Term out = scalar ? call("sum", last) : last;
            BitSet needed = (BitSet) out.uses().clone();
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (needed.get(i)) {
                    needed.or(computedFrom.get(i));
                }
            }
            needed.set(0, inputs.size()); // the point gives every input a value
            List<String> all = new ArrayList<>(lines);
            all.add("f = " + out.text());
            needed.set(lines.size());
            return new RandomGraph(new Compiled(b.build(List.of(out.node()), List.of("f")), BuildLimits.NONE),
                    all, needed);
        }
    }
}
