package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Engine;
import dev.gradient.engine.HigherOrder;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every elementwise op (and softmax, log_softmax, logsumexp and norm of a two-element vector)
 * at ordinary, special and extreme points, against its exact value and derivatives to third
 * order, in both engines: the gradient is the engine's own, the Hessian the engine over
 * reverse, the third derivatives the engine over reverse over reverse ({@link HigherOrder}).
 *
 * <p>The references are in {@code precision-references.json}, computed at 1200 digits and
 * rounded to the nearest double by {@code src/test/python/precision_references.py}, which
 * documents the points and the conventions; regenerate it, from the repository root, with
 * {@code python3 src/test/python/precision_references.py}. This test never runs Python.
 *
 * <p>How close is close enough ({@link #agrees}): a relative error of {@code 1e-13} for values
 * and first derivatives and {@code 1e-11} for second and third derivatives. A formula of a few
 * correctly rounded steps is within a few units in the last place (2.2e-16 each); the largest
 * errors the sweep finds are 1.5e-15 for values and 3.5e-14 for first derivatives (pow at
 * {@code a = 1e-300}: {@code a^(b-1)} with {@code b - 1} rounded, an error that {@code |log a|
 * = 690} magnifies), and 5e-14 for second and third (the dozen or so roundings of a
 * third-derivative graph, and sums of terms of equal size). A formula that cancels
 * catastrophically (1 - y^2 for tanh near 19, 1 - x*x near 1) or loses its range (a^2 + b^2
 * past 1e154) misses by many orders of magnitude. Where the exact value is subnormal, any result
 * within {@link Double#MIN_NORMAL} of it is accepted (0 included): such a double has few bits
 * left, and an intermediate may flush it. An exact 0 is compared with a floor scaled by the
 * other entries of its order (or of the nearest lower order with any non-zero entry): what its
 * computation could cancel down from. A non-finite reference must be met exactly: NaN by NaN,
 * an infinite limit or an overflow by the same infinity.
 *
 * <p>Where the engines are known not to meet this, {@link KnownLimits} says where and why, and
 * what is still checked there.
 */
class HighPrecisionReferenceTest {

    private static final double[] TOLERANCE = {1e-13, 1e-13, 1e-11, 1e-11};
    private static final String[] ORDER_NAMES = {"value", "gradient", "hessian", "third"};

    /** One reference point: the op, how it is applied, its arguments and the exact entries. */
    record Reference(String op, String form, double[] args, double[][] byOrder) {

        String label() {
            StringBuilder s = new StringBuilder(op).append('(');
            for (int i = 0; i < args.length; i++) {
                s.append(i == 0 ? "" : ", ").append(args[i]);
            }
            return s.append(')').toString();
        }
    }

    static Stream<Arguments> references() {
        return load().stream().map(r -> Arguments.of(r.label(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void valueAndDerivativesToThirdOrderMatchTheExactOnesInBothEngines(String label, Reference reference) {
        Compiled f = function(reference);
        List<String> misses = new ArrayList<>();
        for (Engine engine : Functions.ENGINES) {
            HigherOrder derivatives = new HigherOrder(engine);
            double[] args = reference.args();
            double[][] computed = {
                {derivatives.value(f, args)},
                derivatives.gradient(f, args),
                flatten(derivatives.hessian(f, args)),
                flatten(derivatives.third(f, args)),
            };
            for (int order = 0; order < computed.length; order++) {
                compare(reference, order, computed[order], engine.name(), misses);
            }
        }
        assertThat(misses).as("%s: entries that differ from the exact ones", label).isEmpty();
    }

    @Test
    void everyPublicElementwiseOpHasReferences() {
        Set<String> covered = new HashSet<>();
        load().forEach(r -> covered.add(r.op()));
        List<String> elementwise = OpRegistry.standard().publicOps().stream()
                .filter(op -> op instanceof UnaryOp || op instanceof BinaryOp || op instanceof Comparison || op instanceof Sign)
                .map(Op::name)
                .toList();
        assertThat(covered).containsAll(elementwise).contains("softmax", "log_softmax", "logsumexp", "norm");
    }

    @Test
    void everyKnownLimitCoversSomeEntry() {
        List<Reference> references = load();
        for (KnownLimits.Limit limit : KnownLimits.LIMITS) {
            boolean covers = references.stream().anyMatch(r -> IntStream.range(0, ORDER_NAMES.length)
                    .anyMatch(order -> Functions.ENGINES.stream()
                            .anyMatch(e -> limit.scope().covers(r.op(), r.args(), order, e.name()))));
            assertThat(covers).as("a known limit that covers no entry: %s", limit.reason()).isTrue();
        }
    }

    private static void compare(Reference reference, int order, double[] computed, String engine, List<String> misses) {
        double[] expected = reference.byOrder()[order];
        double zeroScale = zeroScale(reference.byOrder(), order);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = computed[i];
            if (agrees(e, a, TOLERANCE[order], zeroScale)
                    || KnownLimits.of(reference.op(), reference.args(), order, engine).filter(l -> l.accepts(e, a)).isPresent()) {
                continue;
            }
            misses.add(String.format("%s %s[%d] (%s): expected %s, got %s", reference.label(), ORDER_NAMES[order], i, engine,
                    e, a));
        }
    }

    /**
     * Whether {@code actual} is within {@code tolerance} of {@code expected}, relative to its
     * magnitude, or to {@code zeroScale} where it is 0; for a subnormal {@code expected}, within
     * {@link Double#MIN_NORMAL}.
     */
    private static boolean agrees(double expected, double actual, double tolerance, double zeroScale) {
        if (Double.isNaN(expected)) {
            return Double.isNaN(actual);
        }
        if (Double.isInfinite(expected)) {
            return actual == expected;
        }
        if (!Double.isFinite(actual)) {
            return false;
        }
        double error = Math.abs(actual - expected);
        if (Math.abs(expected) < Double.MIN_NORMAL && error < Double.MIN_NORMAL) {
            return true;  // a subnormal (or underflowed) exact value: 0 or any subnormal will do
        }
        double magnitude = expected == 0.0 ? zeroScale : Math.abs(expected);
        return error <= tolerance * Math.max(magnitude, Double.MIN_NORMAL);
    }

    /** The largest finite magnitude among the entries of {@code order}, or of the nearest lower order that has one. */
    private static double zeroScale(double[][] byOrder, int order) {
        for (int k = order; k >= 0; k--) {
            double scale = 0.0;
            for (double e : byOrder[k]) {
                if (Double.isFinite(e)) {
                    scale = Math.max(scale, Math.abs(e));
                }
            }
            if (scale > 0.0) {
                return scale;
            }
        }
        return 0.0;
    }

    private static Compiled function(Reference reference) {
        String op = reference.op();
        return switch (reference.form()) {
            case "unary" -> Functions.of((b, x) -> b.call(op, x[0]), Shape.SCALAR);
            case "binary" -> Functions.of((b, x) -> b.call(op, x[0], x[1]), Shape.SCALAR, Shape.SCALAR);
            case "vector" -> Functions.of((b, x) -> firstElement(b, b.call(op, b.call("vector", x[0], x[1]))),
                    Shape.SCALAR, Shape.SCALAR);
            default -> throw new IllegalArgumentException("unknown form " + reference.form());
        };
    }

    private static int firstElement(GraphBuilder b, int y) {
        return b.shape(y).isScalar() ? y : b.call("slice", Attrs.of("spec", "0"), y);
    }

    private static List<Reference> load() {
        JsonNode root;
        try (InputStream in = HighPrecisionReferenceTest.class.getResourceAsStream("precision-references.json")) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            double[][] byOrder = new double[ORDER_NAMES.length][];
            for (int order = 0; order < ORDER_NAMES.length; order++) {
                List<Double> entries = new ArrayList<>();
                collect(c.path(ORDER_NAMES[order]), entries);
                byOrder[order] = entries.stream().mapToDouble(Double::doubleValue).toArray();
            }
            List<Double> args = new ArrayList<>();
            collect(c.path("args"), args);
            references.add(new Reference(c.path("op").asString(), c.path("form").asString(),
                    args.stream().mapToDouble(Double::doubleValue).toArray(), byOrder));
        }
        return references;
    }

    /** The numbers of a nested array, in row-major order, parsed from their exact text. */
    private static void collect(JsonNode node, List<Double> into) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, into));
        } else {
            into.add(Double.parseDouble(node.asString()));
        }
    }

    private static double[] flatten(double[][] matrix) {
        return Stream.of(matrix).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] flatten(double[][][] cube) {
        return Stream.of(cube).flatMap(Stream::of).flatMapToDouble(Arrays::stream).toArray();
    }
}
