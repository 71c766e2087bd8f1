package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * A gradient check, as PyTorch's {@code torch.autograd.gradcheck} and JAX's {@code check_grads}
 * make it: the Jacobian of every output by each AD engine, compared entry by entry with the
 * numeric engine's, with PyTorch's rule: an entry {@code a} agrees with the numeric {@code n}
 * where {@code |a - n| <= atol + rtol * |n|}.
 *
 * <p>Non-finite entries: an entry where the two are the same non-finite value (both NaN, or the
 * same infinity) agrees, with a difference of 0; any other entry with a non-finite side
 * disagrees, with an infinite difference. Reported per engine and per input: the largest
 * absolute difference, the largest relative one ({@code |a - n| / |n|}, over the entries where
 * {@code n} is not 0, since there only {@code atol} can judge), how many entries disagree, and
 * the first {@value #LISTED} of them (by wrt input, then by output, row-major within each block).
 */
@Component
public final class GradientCheck {

    /** How many disagreeing entries each engine's report lists; it counts all of them. */
    public static final int LISTED = 10;

    /** PyTorch's rule: {@code |a - n| <= atol + rtol * |n|}; both finite and not negative. */
    public record Tolerance(double atol, double rtol) {

        /** Checks that both are finite and not negative. */
        public Tolerance {
            if (!(atol >= 0 && atol < Double.POSITIVE_INFINITY && rtol >= 0 && rtol < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("tolerances must be finite and >= 0, got atol " + atol + ", rtol " + rtol);
            }
        }
    }

    /**
     * A Jacobian entry on which an engine and the numeric engine disagree, at {@code row} (the
     * outputs' elements, in order) and {@code column} (the wrt inputs' elements, in order), as
     * {@code /jacobian}'s matrix numbers them.
     */
    public record Mismatch(int row, int column, double derivative, double numeric) {
    }

    /** How one engine's derivatives by one input compare. */
    public record InputReport(double maxAbsDiff, double maxRelDiff, long mismatches) {

        /** Whether every entry agrees. */
        public boolean passed() {
            return mismatches == 0;
        }
    }

    /** How one engine compares: per wrt input in order, and the first disagreeing entries. */
    public record EngineReport(String engine, List<InputReport> inputs, long mismatches, List<Mismatch> listed) {

        /** Whether every entry agrees. */
        public boolean passed() {
            return mismatches == 0;
        }
    }

    /** Every AD engine's comparison with the numeric engine, in engine name order. */
    public record Report(List<EngineReport> engines) {

        /** Whether every engine passed. */
        public boolean passed() {
            return engines.stream().allMatch(EngineReport::passed);
        }
    }

    private final Derivatives derivatives;
    private final List<Engine> checked;
    private final Engine reference;

    /** Checks every engine of {@code engines} but {@code reference} against {@code reference}. */
    public GradientCheck(Derivatives derivatives, EngineRegistry engines, NumericEngine reference) {
        this.derivatives = derivatives;
        this.checked = engines.all().stream().filter(e -> e != reference).toList();
        this.reference = reference;
    }

    /** The engine the others are compared with. */
    public Engine reference() {
        return reference;
    }

    /** Every engine a check runs: the checked ones, then the reference; the cost estimate counts each. */
    public List<Engine> engines() {
        return Stream.concat(checked.stream(), Stream.of(reference)).toList();
    }

    /** The check of every output's Jacobian by the inputs {@code wrt} at {@code at}; its cost is admitted before any work. */
    public Report check(Evaluation at, int[] wrt, Tolerance tolerance) {
        List<Engine> engines = engines();
        Tensor[][][] jacobians = derivatives.jacobians(engines, at, wrt);
        Tensor[][] numeric = jacobians[engines.size() - 1];
        List<EngineReport> reports = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            reports.add(compare(checked.get(i).name(), jacobians[i], numeric, at, wrt, tolerance));
        }
        return new Report(reports);
    }

    private static EngineReport compare(String engine, Tensor[][] exact, Tensor[][] numeric, Evaluation at, int[] wrt,
            Tolerance tolerance) {
        ShapedGraph graph = at.function().graph();
        int[] rowOffset = offsets(exact.length, k -> graph.shape(graph.outputs().get(k)).size());
        int[] columnOffset = offsets(wrt.length, j -> at.point()[wrt[j]].size());
        List<InputReport> inputs = new ArrayList<>();
        List<Mismatch> listed = new ArrayList<>();
        long mismatches = 0;
        for (int j = 0; j < wrt.length; j++) {
            int inSize = columnOffset[j + 1] - columnOffset[j];
            double maxAbs = 0;
            double maxRel = 0;
            long count = 0;
            for (int k = 0; k < exact.length; k++) {
                double[] a = exact[k][j].values();
                double[] n = numeric[k][j].values();
                for (int i = 0; i < a.length; i++) {
                    double diff = difference(a[i], n[i]);
                    maxAbs = Math.max(maxAbs, diff);
                    if (n[i] != 0.0) {
                        // a non-finite side: the difference itself, 0 or infinite
                        maxRel = Math.max(maxRel, Double.isFinite(a[i]) && Double.isFinite(n[i]) ? diff / Math.abs(n[i]) : diff);
                    }
                    if (!agree(a[i], n[i], diff, tolerance)) {
                        count++;
                        if (listed.size() < LISTED) {
                            listed.add(new Mismatch(rowOffset[k] + i / inSize, columnOffset[j] + i % inSize, a[i], n[i]));
                        }
                    }
                }
            }
            inputs.add(new InputReport(maxAbs, maxRel, count));
            mismatches += count;
        }
        return new EngineReport(engine, inputs, mismatches, listed);
    }

    /** {@code |a - n|} where both are finite; 0 where they are the same non-finite value; else infinite. */
    static double difference(double a, double n) {
        if (Double.isFinite(a) && Double.isFinite(n)) {
            return Math.abs(a - n);
        }
        // Double.compare treats NaN as equal to NaN and each infinity as equal to itself
        return Double.compare(a, n) == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }

    private static boolean agree(double a, double n, double diff, Tolerance tolerance) {
        if (!Double.isFinite(a) || !Double.isFinite(n)) {
            return diff == 0.0;
        }
        return diff <= tolerance.atol() + tolerance.rtol() * Math.abs(n);
    }

    /** The running sums of {@code size(0), size(1), ...}: where each block starts, then the total. */
    private static int[] offsets(int count, IntToLongFunction size) {
        int[] offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            offsets[i + 1] = Math.toIntExact(offsets[i] + size.applyAsLong(i));
        }
        return offsets;
    }
}
