package dev.gradient.sparsity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.HessianVectorProducts;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sparsity patterns and sparse derivatives checked against CasADi on the suite of {@code
 * sparsity/casadi-reference.json} ({@link CasadiReference}; written once by {@code
 * src/test/python/casadi_sparsity_reference.py}, so no Python is needed here). Patterns: every
 * entry CasADi finds non-zero in value is in ours (conservative), and the two patterns are equal
 * except where the file documents a difference, which must then be real, in the direction stated,
 * and made only of entries that are zero in value; ours may be the looser one only where the
 * function has an op beyond the elementwise and indexing ones, for which ours must be exact.
 * Values: the sparse Jacobian and Hessian by colouring, in both engines, equal CasADi's to a
 * relative 1e-12.
 */
class CasadiReferenceTest {

    /** The tolerance of each entry, relative to CasADi's value there. */
    private static final double RELATIVE = 1e-12;
    /**
     * Below this fraction of the matrix's largest entry, an entry is held to {@code RELATIVE} of
     * that fraction instead: an entry whose terms cancel (the stack function's Hessian diagonal,
     * {@code 1/x^2 - 1/x^2}) is exactly zero in CasADi, which simplifies, and the rounding of its
     * terms in the engines.
     */
    private static final double CANCELLATION = 1e-3;
    private static final Set<SparsityRules.Kind> EXACT_KINDS = Set.of(SparsityRules.Kind.ELEMENTWISE, SparsityRules.Kind.INDEXING);
    private static final List<Engine> ENGINES = List.of(new ForwardEngine(), new ReverseEngine());

    private final SparseDerivatives sparse = new SparseDerivatives(new HessianVectorProducts());

    static Stream<CasadiReference> suite() {
        return CasadiReference.all().stream();
    }

    @Test
    void theSuiteHasAtLeastTwentyFunctions() {
        assertThat(CasadiReference.all()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void jacobianPatternsAgreeWithCasadi(CasadiReference c) {
        CasadiReference.Function f = c.compile(c.jacobianExpression());
        SparsityPattern ours = JacobianSparsity.of(f.compiled(), f.wrt(), new int[] {0}, Long.MAX_VALUE);
        assertAgrees(ours, c.jacobian(), c, "jacobian", f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void hessianPatternsAgreeWithCasadi(CasadiReference c) {
        CasadiReference.Function f = c.compile(c.hessianExpression());
        SparsityPattern ours = HessianSparsity.of(f.compiled(), f.wrt(), 0, Long.MAX_VALUE);
        assertAgrees(ours, c.hessian(), c, "hessian", f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void sparseJacobiansByColouringEqualCasadisValues(CasadiReference c) {
        CasadiReference.Function f = c.compile(c.jacobianExpression());
        int[] outputs = {0};
        for (Engine engine : ENGINES) {
            SparsePlan plan = sparse.jacobianPlan(engine, f.compiled(), f.wrt(), outputs, Long.MAX_VALUE);
            SparseMatrix result = sparse.jacobian(engine, f.compiled(), f.point(), f.wrt(), outputs, plan).jacobian();
            assertEqualValues(result, c.jacobian(), c.name() + ", Jacobian by " + engine.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void sparseHessiansByColouringEqualCasadisValues(CasadiReference c) {
        CasadiReference.Function f = c.compile(c.hessianExpression());
        SparsePlan plan = sparse.hessianPlan(f.compiled(), f.wrt(), 0, Long.MAX_VALUE);
        for (Engine engine : ENGINES) {
            SparseMatrix result = sparse.hessian(engine, f.compiled(), f.point(), f.wrt(), 0, plan).hessian();
            assertEqualValues(result, c.hessian(), c.name() + ", Hessian by " + engine.name());
        }
    }

    /**
     * Prints, for every function, the colours each kind of colouring took against the max row
     * degree (for a row colouring, the max column degree), and checks each colouring.
     */
    @Test
    void coloursAgainstTheMaxRowDegree() {
        List<String> table = new ArrayList<>();
        table.add("| function | Jacobian columns (forward) | Jacobian rows (reverse) | Hessian star |");
        table.add("| --- | --- | --- | --- |");
        for (CasadiReference c : CasadiReference.all()) {
            CasadiReference.Function jf = c.compile(c.jacobianExpression());
            CasadiReference.Function hf = c.compile(c.hessianExpression());
            SparsePlan columns = sparse.jacobianPlan(ENGINES.get(0), jf.compiled(), jf.wrt(), new int[] {0}, Long.MAX_VALUE);
            SparsePlan rows = sparse.jacobianPlan(ENGINES.get(1), jf.compiled(), jf.wrt(), new int[] {0}, Long.MAX_VALUE);
            SparsePlan star = sparse.hessianPlan(hf.compiled(), hf.wrt(), 0, Long.MAX_VALUE);
            assertThat(ColouringChecker.columnConflict(columns.pattern(), columns.colouring())).as(c.name()).isNull();
            assertThat(ColouringChecker.columnConflict(rows.pattern().transpose(), rows.colouring())).as(c.name()).isNull();
            assertThat(ColouringChecker.starConflict(star.pattern(), star.colouring())).as(c.name()).isNull();
            // a star colouring may go below the max row degree (the arrowhead's takes 2), since symmetry reads an entry from either side
            for (SparsePlan plan : List.of(columns, rows)) {
                assertThat(plan.sweeps()).as(c.name()).isGreaterThanOrEqualTo(plan.lowerBound());
            }
            table.add("| " + c.name() + " | " + ratio(columns) + " | " + ratio(rows) + " | " + ratio(star) + " |");
        }
        System.out.println("Colours / max row degree (for rows, max column degree) on the CasADi suite:");
        table.forEach(System.out::println);
    }

    private static String ratio(SparsePlan plan) {
        return plan.sweeps() + " / " + plan.lowerBound();
    }

    /**
     * Our pattern against CasADi's: conservative always; equal unless {@code c} documents a
     * difference for {@code kind}, which must then hold as stated.
     */
    private static void assertAgrees(SparsityPattern ours, CasadiReference.Entries casadi, CasadiReference c, String kind,
            CasadiReference.Function f) {
        String label = c.name() + ", " + kind;
        SparsityPattern theirs = casadi.pattern();
        assertThat(ours.rowCount()).as(label + ": rows").isEqualTo(theirs.rowCount());
        assertThat(ours.columnCount()).as(label + ": columns").isEqualTo(theirs.columnCount());
        List<String> onlyCasadi = new ArrayList<>();
        int[] rows = theirs.rows();
        int[] cols = theirs.cols();
        double[] values = casadi.values();
        for (int k = 0; k < rows.length; k++) {
            if (!ours.contains(rows[k], cols[k])) {
                assertThat(values[k]).as("%s: CasADi's entry (%d, %d) is %s, outside our pattern", label, rows[k], cols[k], values[k])
                        .isZero();
                onlyCasadi.add("(" + rows[k] + ", " + cols[k] + ")");
            }
        }
        List<String> onlyOurs = new ArrayList<>();
        rows = ours.rows();
        cols = ours.cols();
        for (int k = 0; k < rows.length; k++) {
            if (!theirs.contains(rows[k], cols[k])) {
                onlyOurs.add("(" + rows[k] + ", " + cols[k] + ")");
            }
        }
        CasadiReference.Difference note = c.differences().get(kind);
        if (note == null) {
            assertThat(onlyCasadi).as(label + ": structural non-zeros of CasADi's pattern missing from ours").isEmpty();
            assertThat(onlyOurs).as(label + ": entries of our pattern that CasADi's lacks").isEmpty();
        } else if (note.looser().equals("casadi")) {
            assertThat(onlyOurs).as(label + ": entries of our pattern that CasADi's lacks").isEmpty();
            assertThat(onlyCasadi).as(label + ": the documented difference (" + note.reason() + ")").isNotEmpty();
        } else {
            assertThat(note.looser()).as(label).isEqualTo("ours");
            assertThat(onlyCasadi).as(label + ": structural non-zeros of CasADi's pattern missing from ours").isEmpty();
            assertThat(onlyOurs).as(label + ": the documented difference (" + note.reason() + ")").isNotEmpty();
            assertThat(usesOnlyExactOps(f)).as(label + ": ours must be exact for elementwise and indexing ops").isFalse();
        }
    }

    /** Whether every op of {@code f} has an elementwise or indexing rule, the kinds whose patterns are exact. */
    private static boolean usesOnlyExactOps(CasadiReference.Function f) {
        for (Node node : f.compiled().graph().nodes()) {
            if (node instanceof Node.Apply apply && !EXACT_KINDS.contains(SparsityRules.kind(apply.op().name()).orElseThrow())) {
                return false;
            }
        }
        return true;
    }

    /** Every entry of {@code ours} equals CasADi's value there (zero off CasADi's pattern) to a relative {@code RELATIVE}. */
    private static void assertEqualValues(SparseMatrix ours, CasadiReference.Entries casadi, String label) {
        double scale = 0;
        for (double v : casadi.values()) {
            scale = Math.max(scale, Math.abs(v));
        }
        double floor = CANCELLATION * scale;
        int[] rows = ours.pattern().rows();
        int[] cols = ours.pattern().cols();
        double[] values = ours.values();
        for (int k = 0; k < values.length; k++) {
            double expected = casadi.valueAt(rows[k], cols[k]);
            double tolerance = RELATIVE * Math.max(Math.abs(expected), floor);
            assertThat(Math.abs(values[k] - expected)).as("%s: entry (%d, %d) is %s, CasADi's %s", label, rows[k], cols[k],
                    values[k], expected).isLessThanOrEqualTo(tolerance);
        }
    }
}
