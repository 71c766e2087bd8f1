package dev.gradient.testing;

import dev.gradient.engine.Compiled;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.util.List;
import java.util.Random;

/**
 * Functions of one vector input {@code x} with sparse derivatives, for the tests of Hessian-vector
 * products, sparsity patterns and colourings: scalar ones with sparse Hessians and vector-valued
 * ones with sparse Jacobians. Each is a compiled function with its input declared as {@code [n]}.
 */
public final class SparseFunctions {

    /** A named function of {@code x}; {@code scalar} where its one output is a scalar. */
    public record Case(String name, Compiled function, boolean scalar) {

        @Override
        public String toString() {
            return name;
        }
    }

    private SparseFunctions() {
    }

    /** The chained Rosenbrock function {@code sum(100 (x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)}: a tridiagonal Hessian. */
    public static Case chainedRosenbrock(int n) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int head = slice(b, x, ":-1");
        int tail = slice(b, x, "1:");
        int valley = b.call("square", b.call("sub", tail, b.call("square", head)));
        int term = b.call("add", b.call("mul", b.constant(100.0), valley), b.call("square", b.call("sub", b.constant(1.0), head)));
        return scalar("chained Rosenbrock n=" + n, b, b.call("sum", term));
    }

    /** {@code sum((x[:-2] + x[1:-1] x[2:])^2) + sum(cos(x))}: each term couples three neighbours, a Hessian of bandwidth 3 (five diagonals). */
    public static Case banded(int n) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int term = b.call("square", b.call("add", slice(b, x, ":-2"), b.call("mul", slice(b, x, "1:-1"), slice(b, x, "2:"))));
        return scalar("banded n=" + n, b, b.call("add", b.call("sum", term), b.call("sum", b.call("cos", x))));
    }

    /** {@code sum(x[:-1]^2) x[-1] + sum(cos(x))}: a diagonal Hessian with a dense last row and column. */
    public static Case arrowhead(int n) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int head = b.call("mul", b.call("sum", b.call("square", slice(b, x, ":-1"))), slice(b, x, "-1"));
        return scalar("arrowhead n=" + n, b, b.call("add", head, b.call("sum", b.call("cos", x))));
    }

    /** A sum of {@code n} terms {@code x_a x_b sin(x_c)} with indices drawn from {@code seed}. */
    public static Case randomSparseScalar(int n, long seed) {
        Random random = new Random(seed);
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int sum = b.constant(0.0);
        for (int t = 0; t < n; t++) {
            int term = b.call("mul", b.call("mul", element(b, x, random.nextInt(n)), element(b, x, random.nextInt(n))),
                    b.call("sin", element(b, x, random.nextInt(n))));
            sum = b.call("add", sum, term);
        }
        return scalar("random sparse scalar n=" + n + " seed=" + seed, b, sum);
    }

    /** {@code x[:-2] - 2 x[1:-1]^2 + x[2:]}: a tridiagonal Jacobian of shape [n-2, n]. */
    public static Case bandedVector(int n) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int middle = b.call("mul", b.constant(2.0), b.call("square", slice(b, x, "1:-1")));
        return vector("banded vector n=" + n, b, b.call("add", b.call("sub", slice(b, x, ":-2"), middle), slice(b, x, "2:")));
    }

    /** {@code sin(x) x[-1]}: a diagonal Jacobian with a dense last column. */
    public static Case arrowheadVector(int n) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        return vector("arrowhead vector n=" + n, b, b.call("mul", b.call("sin", x), slice(b, x, "-1")));
    }

    /** The residuals of the chained Rosenbrock function, {@code 10 (x[1:] - x[:-1]^2)} and {@code 1 - x[:-1]}, stacked: [2(n-1), n]. */
    public static Case rosenbrockResiduals(int n) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int head = slice(b, x, ":-1");
        int valley = b.call("mul", b.constant(10.0), b.call("sub", slice(b, x, "1:"), b.call("square", head)));
        return vector("Rosenbrock residuals n=" + n, b,
                b.call("concat", Attrs.of("axis", 0), valley, b.call("sub", b.constant(1.0), head)));
    }

    /** {@code m} outputs, each {@code x_a x_b + exp(x_c)} with indices drawn from {@code seed}. */
    public static Case randomSparseVector(int m, int n, long seed) {
        Random random = new Random(seed);
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", Shape.of(n));
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = b.call("add", b.call("mul", element(b, x, random.nextInt(n)), element(b, x, random.nextInt(n))),
                    b.call("exp", element(b, x, random.nextInt(n))));
        }
        return vector("random sparse vector m=" + m + " n=" + n + " seed=" + seed, b, b.call("vector", rows));
    }

    /** The Hessian suite: scalar functions with sparse Hessians. */
    public static List<Case> scalarSuite() {
        return List.of(chainedRosenbrock(12), banded(15), arrowhead(10), randomSparseScalar(20, 7), randomSparseScalar(30, 11));
    }

    /** The Jacobian suite: vector functions with sparse Jacobians. */
    public static List<Case> vectorSuite() {
        return List.of(bandedVector(14), arrowheadVector(10), rosenbrockResiduals(9), randomSparseVector(25, 30, 3),
                randomSparseVector(40, 20, 5));
    }

    private static int slice(GraphBuilder b, int x, String spec) {
        return b.call("slice", Attrs.of("spec", spec), x);
    }

    private static int element(GraphBuilder b, int x, int index) {
        return slice(b, x, Integer.toString(index));
    }

    private static Case scalar(String name, GraphBuilder b, int output) {
        return new Case(name, new Compiled(b.build(List.of(output), List.of("f")), BuildLimits.NONE), true);
    }

    private static Case vector(String name, GraphBuilder b, int output) {
        return new Case(name, new Compiled(b.build(List.of(output), List.of("F")), BuildLimits.NONE), false);
    }
}
