package dev.gradient.engine;

import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random smooth, broadcasting graphs over three inputs of shapes {@code []}, {@code [3]} and
 * {@code [2, 3]}, for property tests that compare engines. Built from a seed so that a failing
 * case can be replayed, and step by step: step {@code i} draws from the seed's generator only
 * after the steps before it, so the graph of size {@code k} is the first {@code k} steps of
 * the graph of any larger size with the same seed, which shrinking by size relies on.
 */
final class RandomGraphs {

    static final Shape[] INPUT_SHAPES = {Shape.SCALAR, Shape.of(3), Shape.of(2, 3)};
    private static final String[] UNARY = {"sin", "cos", "exp", "neg"};
    private static final String[] BINARY = {"add", "sub", "mul", "maximum", "minimum"};

    private RandomGraphs() {
    }

    /** A random graph and the steps that built it, one a line, which is how a failing one is printed. */
    record RandomGraph(Compiled function, List<String> steps) {

        @Override
        public String toString() {
            return String.join("\n", steps);
        }
    }

    /** A graph with one output: a random expression of {@code size} steps, summed to a scalar where {@code scalar}. */
    static RandomGraph graph(long seed, int size, boolean scalar) {
        Random random = new Random(seed);
        Steps g = new Steps();
        for (int i = 0; i < INPUT_SHAPES.length; i++) {
            g.input("x" + i, INPUT_SHAPES[i]);
        }
        for (int i = 0; i < size; i++) {
            g.keep(step(g, random));
        }
        return g.build(scalar);
    }

    /** One step's value, from values that earlier steps kept. */
    private static Term step(Steps g, Random random) {
        Term a = g.pick(random);
        Term c = g.pick(random);
        int kind = random.nextInt(10);
        if (kind < 4) {
            // exp only of a bounded value, so that values stay moderate
            String op = UNARY[random.nextInt(UNARY.length)];
            return op.equals("exp") ? g.call("exp", g.call("sin", a)) : g.call(op, a);
        } else if (kind < 8) {
            return g.call(BINARY[random.nextInt(BINARY.length)], a, c);
        } else if (kind < 9) {
            return g.call("where", g.call("gt", a, c), a, g.call("mul", c, c));
        }
        return g.shape(a).rank() == 0 ? g.call("sin", a)
                : g.call("sum", Attrs.of("axis", 0), a); // axis 0 keeps every shape broadcastable
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

    /** A value of the graph being built, with how it reads. */
    private record Term(int node, String text) {
    }

    /** The graph being built, the values that steps may draw from, and the lines that describe it. */
    private static final class Steps {

        private final GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        private final List<Term> kept = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();

        void input(String name, Shape shape) {
            kept.add(new Term(b.input(name, shape), name));
            lines.add(name + ": input " + shape);
        }

        /** Keeps {@code term} under the next name {@code v<i>}, for later steps to draw. */
        void keep(Term term) {
            String name = "v" + kept.size();
            kept.add(new Term(term.node(), name));
            lines.add(name + " = " + term.text() + "  " + b.shape(term.node()));
        }

        Term pick(Random random) {
            return kept.get(random.nextInt(kept.size()));
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
            for (int i = 0; i < args.length; i++) {
                nodes[i] = args[i].node();
                texts.add(args[i].text());
            }
            attrs.asMap().forEach((name, value) -> texts.add(name + "=" + value));
            return new Term(b.call(op, attrs, nodes), op + "(" + String.join(", ", texts) + ")");
        }

        /** The graph whose output is the last value kept, summed to a scalar where {@code scalar}. */
        RandomGraph build(boolean scalar) {
            Term last = kept.get(kept.size() - 1);
            Term out = scalar ? call("sum", last) : last;
            lines.add("f = " + out.text());
            return new RandomGraph(new Compiled(b.build(List.of(out.node()), List.of("f")), BuildLimits.NONE),
                    List.copyOf(lines));
        }
    }
}
