package dev.gradient.op;

import static dev.gradient.op.Functions.ENGINES;
import static dev.gradient.op.Functions.assertElements;
import static dev.gradient.op.Functions.gradient;
import static dev.gradient.op.Functions.hessian;
import static dev.gradient.op.Functions.matrix;
import static dev.gradient.op.Functions.value;
import static dev.gradient.op.Functions.vector;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Engine;
import dev.gradient.graph.Attrs;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The derivative conventions at kinks and singular points that the contract fixes (PyTorch's,
 * plus the NaN-safe {@code where}), with exact expected numbers, in both engines.
 */
class KinkConventionsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** {@code sum(op(x))} for a vector {@code x} of length {@code n}. */
    private static Compiled summed(String op, int n) {
        return Functions.of((b, x) -> b.call("sum", b.call(op, x[0])), Shape.of(n));
    }

    @Test
    void reluHasZeroDerivativeAtZero() {
        Compiled f = summed("relu", 3);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, -1, 2))[0], engine.name(), 0, 0, 1);
        }
    }

    @Test
    void absHasZeroDerivativeAtZero() {
        Compiled f = summed("abs", 3);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, -3, 2))[0], engine.name(), 0, -1, 1);
            assertElements(hessian(engine, f, vector(0, -3, 2))[0][0], engine.name(), new double[9]);
        }
    }

    @Test
    void structuralZerosStayZeroNextToAnInfinitePartial() {
        // sum(sqrt(x)) at [0, 4]: the first element's derivative is Infinity, the second's must stay 0.25
        Compiled summedRoots = summed("sqrt", 2);
        // sqrt(x)[1:] drops the element at 0: its derivative is 0, not 0 * Infinity
        Compiled sliced = Functions.of((b, x) -> b.call("sum",
                b.call("slice", Attrs.of("spec", "1:"), b.call("sqrt", x[0]))), Shape.of(3));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, summedRoots, vector(0, 4))[0], engine.name(), INF, 0.25);
            assertElements(gradient(engine, sliced, vector(0, 4, 9))[0], engine.name(), 0, 0.25, 1.0 / 6);
        }
    }

    @Test
    void aZeroFactorAnnihilatesAnInfinitePartialInBothModesAlike() {
        // d/dx [x * sqrt(x)] at 0 is 1.5 * sqrt(0) = 0; IEEE products would give 0 * Infinity = NaN
        Compiled f = Functions.of((b, x) -> b.call("mul", x[0], b.call("sqrt", x[0])), Shape.SCALAR);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, Tensor.scalar(0))[0], engine.name(), 0);
        }
    }

    @Test
    void aMatrixProductKeepsZeroFactorsExactInBothModes() {
        // with W the identity, sum(sqrt(W @ x)) is sum(sqrt(x)) and sum(W @ sqrt(x)) likewise
        Tensor identity = matrix(2, 2, 1, 0, 0, 1);
        Compiled rootsOfProduct = Functions.of((b, in) -> b.call("sum", b.call("sqrt", b.call("matmul", in[0], in[1]))),
                Shape.of(2, 2), Shape.of(2));
        Compiled productOfRoots = Functions.of((b, in) -> b.call("sum", b.call("matmul", in[0], b.call("sqrt", in[1]))),
                Shape.of(2, 2), Shape.of(2));
        Compiled vectorTimesMatrix = Functions.of((b, in) -> b.call("sum", b.call("sqrt", b.call("matmul", in[1], in[0]))),
                Shape.of(2, 2), Shape.of(2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, rootsOfProduct, identity, vector(0, 4))[1], engine.name(), INF, 0.25);
            assertElements(gradient(engine, productOfRoots, identity, vector(0, 4))[1], engine.name(), INF, 0.25);
            assertElements(gradient(engine, vectorTimesMatrix, identity, vector(0, 4))[1], engine.name(), INF, 0.25);
        }
    }

    @Test
    void theElementsThatAreNotTheExtremumGetExactlyZero() {
        Compiled rootOfMax = Functions.of((b, x) -> b.call("sqrt", b.call("max", x[0])), Shape.of(2));
        Compiled rootOfMin = Functions.of((b, x) -> b.call("sqrt", b.call("min", x[0])), Shape.of(2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, rootOfMax, vector(0, -1))[0], engine.name(), INF, 0);
            assertElements(gradient(engine, rootOfMin, vector(0, 1))[0], engine.name(), INF, 0);
        }
    }

    @Test
    void signHasZeroDerivativeEverywhere() {
        Compiled f = summed("sign", 3);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, -3, 2))[0], engine.name(), 0, 0, 0);
        }
    }

    @Test
    void signPassesOnNoCotangentEvenAnInfiniteOne() {
        // 0 * Infinity would be NaN; sign must pass nothing on instead, as PyTorch does
        Compiled f = Functions.of((b, x) -> b.call("sum", b.call("mul", b.call("sign", x[0]),
                b.constant(vector(INF, INF)))), Shape.of(2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(1, 2))[0], engine.name(), 0, 0);
        }
    }

    @Test
    void maximumAndMinimumSplitATieEqually() {
        for (String op : new String[] {"maximum", "minimum"}) {
            // a scalar tied with the first of two elements: it gets half of one, plus all of the other where it wins
            Compiled f = Functions.of((b, x) -> b.call("sum", b.call(op, x[0], x[1])), Shape.SCALAR, Shape.of(2));
            double other = op.equals("maximum") ? 0.0 : 3.0;
            for (Engine engine : ENGINES) {
                Tensor[] g = gradient(engine, f, Tensor.scalar(1.5), vector(1.5, other));
                assertElements(g[0], op + ", " + engine.name(), 1.5);
                assertElements(g[1], op + ", " + engine.name(), 0.5, 0);
            }
        }
    }

    @Test
    void maxAndMinReductionsSplitTheGradientAmongAllTies() {
        Compiled max = summed("max", 4);
        Compiled min = summed("min", 3);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, max, vector(3, 1, 3, 3))[0], engine.name(), 1.0 / 3, 0, 1.0 / 3, 1.0 / 3);
            assertElements(gradient(engine, min, vector(2, 2, 5))[0], engine.name(), 0.5, 0.5, 0);
            assertElements(hessian(engine, max, vector(3, 1, 3, 3))[0][0], engine.name(), new double[16]);
        }
    }

    @Test
    void maxAlongAnAxisSplitsPerRow() {
        // f = 1 * max(row 0) + 10 * max(row 1); row 0 has one maximum, row 1 a tie
        Compiled f = Functions.of((b, x) -> b.call("sum", b.call("mul", b.constant(vector(1, 10)),
                b.call("max", Attrs.of("axis", 1), x[0]))), Shape.of(2, 2));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, matrix(2, 2, 1, 2, 2, 2))[0], engine.name(), 0, 1, 5, 5);
        }
    }

    @Test
    void sqrtHasInfiniteDerivativeAtZero() {
        Compiled f = summed("sqrt", 2);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, 4))[0], engine.name(), INF, 0.25);
        }
    }

    @Test
    void powFollowsPyTorchAtAZeroBase() {
        Compiled f = Functions.of((b, x) -> b.call("pow", x[0], x[1]), Shape.SCALAR, Shape.SCALAR);
        // {x, y, d/dx, d/dy}
        double[][] table = {
            {0, 2, 0, 0},               // d/dy = 0 where x == 0 and y >= 0 (not 0 * log 0 = NaN)
            {0, 0, 0, 0},               // d/dx = 0 where y == 0 (not 0 * 0^-1 = NaN)
            {0, 0.5, INF, 0},           // the general d/dx, and d/dy by the convention
            {2, 0, 0, Math.log(2)},     // d/dx = 0 where y == 0 for any x
            {-2, 3, 12, Double.NaN},    // a negative base: d/dy = x^y log(x) is NaN, as in PyTorch
        };
        for (double[] row : table) {
            for (Engine engine : ENGINES) {
                Tensor[] g = gradient(engine, f, Tensor.scalar(row[0]), Tensor.scalar(row[1]));
                String at = "pow at (" + row[0] + ", " + row[1] + "), " + engine.name();
                assertElements(g[0], at + ", d/dx", row[2]);
                assertElements(g[1], at + ", d/dy", row[3]);
            }
        }
    }

    @Test
    void powHasAFiniteExactHessianAtAZeroBase() {
        Compiled f = Functions.of((b, x) -> b.call("pow", x[0], x[1]), Shape.SCALAR, Shape.SCALAR);
        for (Engine engine : ENGINES) {
            Tensor[][] h = hessian(engine, f, Tensor.scalar(0), Tensor.scalar(2));
            assertElements(h[0][0], engine.name() + " xx", 2);
            assertElements(h[0][1], engine.name() + " xy", 0);
            assertElements(h[1][0], engine.name() + " yx", 0);
            assertElements(h[1][1], engine.name() + " yy", 0);
        }
    }

    @Test
    void normHasZeroGradientAtTheZeroVector() {
        Compiled f = Functions.of((b, x) -> b.call("norm", x[0]), Shape.of(3));
        assertElements(value(f, vector(0, 0, 0)), "norm(0)", 0);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(0, 0, 0))[0], engine.name(), 0, 0, 0);
            assertElements(gradient(engine, f, vector(3, 0, -4))[0], engine.name(), 0.6, 0, -0.8);
        }
    }

    @Test
    void prodIsExactAtZeros() {
        Compiled f = Functions.of((b, x) -> b.call("prod", x[0]), Shape.of(4));
        Compiled g = Functions.of((b, x) -> b.call("prod", x[0]), Shape.of(3));
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(2, 0, 3, 5))[0], engine.name(), 0, 30, 0, 0);
            assertElements(gradient(engine, g, vector(0, 0, 3))[0], engine.name(), 0, 0, 0);
            assertElements(hessian(engine, g, vector(0, 0, 3))[0][0], engine.name(), 0, 3, 0, 3, 0, 0, 0, 0, 0);
        }
    }

    @Test
    void softplusIsExactAtZeroAndFiniteFarFromIt() {
        Compiled f = Functions.of((b, x) -> b.call("softplus", x[0]), Shape.SCALAR);
        // {x, softplus, softplus', softplus''}
        double[][] table = {{0, Math.log(2), 0.5, 0.25}, {800, 800, 1, 0}, {-800, 0, 0, 0}};
        for (double[] row : table) {
            assertElements(value(f, Tensor.scalar(row[0])), "softplus(" + row[0] + ")", row[1]);
            for (Engine engine : ENGINES) {
                String at = "softplus at " + row[0] + ", " + engine.name();
                assertElements(gradient(engine, f, Tensor.scalar(row[0]))[0], at, row[2]);
                assertElements(hessian(engine, f, Tensor.scalar(row[0]))[0][0], at, row[3]);
            }
        }
    }

    @Test
    void sigmoidIsExactAtZeroAndFiniteFarFromIt() {
        Compiled f = Functions.of((b, x) -> b.call("sigmoid", x[0]), Shape.SCALAR);
        // {x, sigmoid, sigmoid', sigmoid''}
        double[][] table = {{0, 0.5, 0.25, 0}, {800, 1, 0, 0}, {-800, 0, 0, 0}};
        for (double[] row : table) {
            assertElements(value(f, Tensor.scalar(row[0])), "sigmoid(" + row[0] + ")", row[1]);
            for (Engine engine : ENGINES) {
                String at = "sigmoid at " + row[0] + ", " + engine.name();
                assertElements(gradient(engine, f, Tensor.scalar(row[0]))[0], at, row[2]);
                assertElements(hessian(engine, f, Tensor.scalar(row[0]))[0][0], at, row[3]);
            }
        }
    }

    @Test
    void sigmoidKeepsItsRelativeAccuracyInTheLowerTail() {
        Compiled f = Functions.of((b, x) -> b.call("sigmoid", x[0]), Shape.SCALAR);
        // scipy.special.expit(-40) and expit(-700)
        assertElements(value(f, Tensor.scalar(-40)), "sigmoid(-40)", 4.248354255291589e-18);
        assertElements(value(f, Tensor.scalar(-700)), "sigmoid(-700)", 9.85967654375977e-305);
    }

    @Test
    void logsumexpDoesNotOverflowAtLargeValues() {
        Compiled f = Functions.of((b, x) -> b.call("logsumexp", x[0]), Shape.of(3));
        // scipy.special.logsumexp and softmax of [1000, 999, -1000]
        assertElements(value(f, vector(1000, 999, -1000)), "logsumexp", 1000.3132616875182);
        assertElements(value(f, vector(1000, 1000, -INF)), "logsumexp", 1000.6931471805599);
        assertElements(value(f, vector(-INF, -INF, -INF)), "logsumexp of all -Infinity", -INF);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, vector(1000, 999, -1000))[0], engine.name(),
                    0.7310585786300049, 0.2689414213699951, 0);
            assertElements(gradient(engine, f, vector(1000, 1000, -INF))[0], engine.name(), 0.5, 0.5, 0);
        }
    }

    @Test
    void reductionsOfNothingGiveWhatNumpyGives() {
        // sum 0, prod 1, logsumexp -Infinity (scipy), mean NaN (0/0)
        String[] ops = {"sum", "prod", "logsumexp", "mean"};
        double[] expected = {0, 1, -INF, Double.NaN};
        for (int i = 0; i < ops.length; i++) {
            String op = ops[i];
            Compiled f = Functions.of((b, x) -> b.call(op, x[0]), Shape.of(0));
            assertElements(value(f, vector()), op + " of nothing", expected[i]);
            Compiled byRow = Functions.of((b, x) -> b.call(op, Attrs.of("axis", 1), x[0]), Shape.of(2, 0));
            assertElements(value(byRow, Tensor.zeros(Shape.of(2, 0))), op + " of empty rows", expected[i], expected[i]);
        }
    }

    @Test
    void stopGradientHasZeroDerivative() {
        Compiled f = Functions.of((b, x) -> b.call("mul", x[0], b.call("stop_gradient", x[0])), Shape.SCALAR);
        for (Engine engine : ENGINES) {
            assertElements(gradient(engine, f, Tensor.scalar(3))[0], engine.name(), 3);
            assertElements(hessian(engine, f, Tensor.scalar(3))[0][0], engine.name(), 0);
        }
    }
}
