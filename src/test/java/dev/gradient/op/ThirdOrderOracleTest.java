package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.HigherOrder;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scalar op, alone and composed with inner functions of two inputs ({@code f(g(x, y))},
 * {@code f(g(x, y), h(x, y))}), checked to third order against Hipparchus {@link
 * DerivativeStructure} ({@link ScalarOracle}), in both engines: value, gradient (each
 * engine's own), Hessian (forward over reverse, reverse over reverse) and third derivatives
 * (forward over reverse over reverse, and reverse three times), at ordinary points and at
 * special ones (0, ±1, 0.5, and points where an inner function, so an op's argument or
 * exponent, is exactly 0 or two arguments tie).
 *
 * <p>An entry is compared wherever the oracle's is finite; a convention at a kink is compared
 * as the oracle writes it (see {@link ScalarOracle}). Where the true derivative is infinite or
 * undefined nothing is asserted, since there is nothing exact to compare with.
 */
class ThirdOrderOracleTest {

    /** Relative agreement with the oracle; both sides round differently, a few ulps per operation. */
    private static final double TOLERANCE = 1e-9;

    private static final DSFactory FACTORY = new DSFactory(2, 3);
    private static final List<Engine> ENGINES = List.of(new ForwardEngine(), new ReverseEngine());

    /** A function of the two inputs, as graph nodes and as the oracle's derivative structures. */
    private record Inner(String name, BiFunction<GraphBuilder, int[], Integer> graph,
            BiFunction<DerivativeStructure, DerivativeStructure, DerivativeStructure> oracle) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Inner> INNER = List.of(
            new Inner("x", (b, v) -> v[0], (x, y) -> x),
            new Inner("x*y", (b, v) -> b.call("mul", v[0], v[1]), DerivativeStructure::multiply),
            new Inner("x-y", (b, v) -> b.call("sub", v[0], v[1]), DerivativeStructure::subtract),
            new Inner("x+y^2", (b, v) -> b.call("add", v[0], b.call("mul", v[1], v[1])), (x, y) -> x.add(y.square())),
            new Inner("sin(x)*y+0.5", (b, v) -> b.call("add", b.call("mul", b.call("sin", v[0]), v[1]), b.constant(0.5)),
                    (x, y) -> x.sin().multiply(y).add(0.5)));

    /** Ordinary points and special ones: zeros, ±1, 0.5 and ties of the inner functions. */
    private static final double[][] POINTS = {
        {0.7, -1.3}, {1.3, 0.4}, {-0.6, 0.9}, {0.0, 0.5}, {0.5, 0.0}, {0.0, 0.0}, {1.0, 1.0}, {-1.0, 0.5},
        {0.5, 0.5}, {1.0, -1.0}, {0.5, -1.0}, {2.0, 0.0},
        // x + y^2 = 0, and sin(x)*y + 0.5 = 0
        {-1.0, 1.0}, {-0.25, 0.5}, {Math.PI / 2, -0.5}};

    @Test
    void everyScalarOpHasAnOracle() {
        for (Op op : OpRegistry.standard().publicOps()) {
            for (int arity = 1; arity <= 2; arity++) {
                if (op.arity().accepts(arity) && takesScalars(op, arity) && !op.name().equals("vector")) {
                    Map<String, ScalarOracle.Rule> table = arity == 1 ? ScalarOracle.UNARY : ScalarOracle.BINARY;
                    assertThat(table).as("an oracle for the scalar op %s with %d argument(s)", op.name(), arity)
                            .containsKey(op.name());
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> unaryOpsOfInnerFunctions() {
        List<DynamicTest> tests = new ArrayList<>();
        ScalarOracle.UNARY.forEach((op, rule) -> {
            for (Inner g : INNER) {
                tests.add(DynamicTest.dynamicTest(op + "(" + g + ")", () -> check(op + "(" + g + ")",
                        (b, v) -> b.call(op, g.graph().apply(b, v)),
                        (x, y) -> rule.apply(new DerivativeStructure[] {g.oracle().apply(x, y)}))));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> binaryOpsOfInnerFunctions() {
        List<DynamicTest> tests = new ArrayList<>();
        ScalarOracle.BINARY.forEach((op, rule) -> {
            for (Inner g : INNER) {
                for (Inner h : INNER) {
                    String label = op + "(" + g + ", " + h + ")";
                    tests.add(DynamicTest.dynamicTest(label, () -> check(label,
                            (b, v) -> b.call(op, g.graph().apply(b, v), secondArgument(b, h, v)),
                            (x, y) -> rule.apply(new DerivativeStructure[] {g.oracle().apply(x, y), secondOracle(h, x, y)}))));
                }
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> reductionsOfTwoInnerFunctions() {
        List<DynamicTest> tests = new ArrayList<>();
        ScalarOracle.OF_PAIR.forEach((op, rule) -> {
            for (Inner g : INNER) {
                for (Inner h : INNER) {
                    String label = op + "(vector(" + g + ", " + h + "))";
                    tests.add(DynamicTest.dynamicTest(label, () -> check(label, (b, v) -> {
                        int pair = b.call("vector", g.graph().apply(b, v), secondArgument(b, h, v));
                        int reduced = op.equals("dot") ? b.call(op, pair, pair) : b.call(op, pair);
                        return b.shape(reduced).rank() == 0 ? reduced : b.call("slice", Attrs.of("spec", "0"), reduced);
                    }, (x, y) -> rule.apply(new DerivativeStructure[] {g.oracle().apply(x, y), secondOracle(h, x, y)}))));
                }
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> whereOfInnerFunctions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Inner g : INNER) {
            for (Inner h : INNER) {
                // where(g >= h, g*h, g+h): the branch, not the condition, is differentiated
                String label = "where(" + g + " >= " + h + ", (" + g + ")*(" + h + "), (" + g + ")+(" + h + "))";
                tests.add(DynamicTest.dynamicTest(label, () -> check(label, (b, v) -> {
                    int gn = g.graph().apply(b, v);
                    int hn = secondArgument(b, h, v);
                    return b.call("where", b.call("ge", gn, hn), b.call("mul", gn, hn), b.call("add", gn, hn));
                }, (x, y) -> {
                    DerivativeStructure gv = g.oracle().apply(x, y);
                    DerivativeStructure hv = secondOracle(h, x, y);
                    return gv.getValue() >= hv.getValue() ? gv.multiply(hv) : gv.add(hv);
                })));
            }
        }
        return tests.stream();
    }

    @Test
    void theMixedSecondDerivativeThroughPowAtAZeroExponentIsExact() {
        // the example: the exponent 0.9*tanh(y*z) is 0 at z = 0, where pow's d/da mask lost a^(b-1)
        String expression = "asinh(asin(0.9 * tanh((1 + (0.5 + y)^2)^(0.9 * tanh(y * z)))))";
        Compiled f = compileExpression(expression);
        for (Engine engine : ENGINES) {
            double[][] h = new HigherOrder(engine).hessian(f, -1.118, 0.0);
            // SymPy at 50 digits, and a central second difference at 40 digits
            assertThat(h[0][1]).as(engine.name() + " d2f/dydz").isCloseTo(0.49340041686478721745,
                    org.assertj.core.api.Assertions.within(1e-14));
            assertThat(h[1][0]).as(engine.name() + " d2f/dzdy").isCloseTo(0.49340041686478721745,
                    org.assertj.core.api.Assertions.within(1e-14));
        }
    }

    /** The second argument; the first inner function again, {@code x}, would make it {@code y}. */
    private static int secondArgument(GraphBuilder b, Inner h, int[] v) {
        return h.name().equals("x") ? v[1] : h.graph().apply(b, v);
    }

    private static DerivativeStructure secondOracle(Inner h, DerivativeStructure x, DerivativeStructure y) {
        return h.name().equals("x") ? y : h.oracle().apply(x, y);
    }

    private static void check(String label, BiFunction<GraphBuilder, int[], Integer> body,
            BiFunction<DerivativeStructure, DerivativeStructure, DerivativeStructure> oracle) {
        Compiled f = Functions.of((b, v) -> body.apply(b, v), Shape.SCALAR, Shape.SCALAR);
        for (double[] p : POINTS) {
            DerivativeStructure expected = oracle.apply(FACTORY.variable(0, p[0]), FACTORY.variable(1, p[1]));
            if (!Double.isFinite(expected.getValue())) {
                continue;
            }
            String at = label + " at (" + p[0] + ", " + p[1] + ")";
            for (Engine engine : ENGINES) {
                HigherOrder d = new HigherOrder(engine);
                String by = at + " by " + engine.name();
                compare(by + ": value", d.value(f, p), expected.getValue());
                double[] gradient = d.gradient(f, p);
                double[][] hessian = d.hessian(f, p);
                double[][][] third = d.third(f, p);
                for (int i = 0; i < 2; i++) {
                    compare(by + ": d/d" + name(i), gradient[i], partial(expected, i));
                    for (int j = 0; j < 2; j++) {
                        compare(by + ": d2/d" + name(i) + "d" + name(j), hessian[i][j], partial(expected, i, j));
                        for (int k = 0; k < 2; k++) {
                            compare(by + ": d3/d" + name(i) + "d" + name(j) + "d" + name(k), third[i][j][k],
                                    partial(expected, i, j, k));
                        }
                    }
                }
            }
        }
    }

    private static String name(int input) {
        return input == 0 ? "x" : "y";
    }

    /** The oracle's partial derivative by the inputs listed. */
    private static double partial(DerivativeStructure ds, int... by) {
        int[] orders = new int[2];
        for (int input : by) {
            orders[input]++;
        }
        return ds.getPartialDerivative(orders);
    }

    private static void compare(String what, double actual, double expected) {
        if (!Double.isFinite(expected)) {
            return;
        }
        double error = Math.abs(actual - expected);
        if (!(error <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
            fail(what + ": " + actual + ", expected " + expected);
        }
    }

    private static boolean takesScalars(Op op, int arity) {
        try {
            GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
            int[] args = new int[arity];
            for (int i = 0; i < arity; i++) {
                args[i] = b.input("x" + i, Shape.SCALAR);
            }
            return b.shape(b.call(op.name(), args)).rank() == 0;
        } catch (RuntimeException notForScalars) {
            return false;
        }
    }

    private static Compiled compileExpression(String text) {
        Graph graph = new SourceParser(new ParseLimits(100_000, 64, 500_000)).expression(text, "/expression");
        Shape[] shapes = new Shape[graph.inputs().size()];
        java.util.Arrays.fill(shapes, Shape.SCALAR);
        ShapedGraph shaped = GraphCompiler.compile(graph, shapes, BuildLimits.NONE);
        return new Compiled(shaped, BuildLimits.NONE);
    }
}
