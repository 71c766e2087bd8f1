package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.sparsity.HessianSparsity;
import dev.gradient.sparsity.JacobianSparsity;
import dev.gradient.sparsity.SparsityPattern;
import dev.gradient.sparsity.SparsityRules;
import dev.gradient.tensor.Tensor;
import dev.gradient.testing.DenseMatrices;
import dev.gradient.testing.PatternChecks;
import dev.gradient.testing.Seeds;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered op's sparsity rule, on every case of {@link OpCases}, against dense
 * derivatives from the forward engine at random points: no non-zero of the Jacobian of
 * {@code y = op(args)} falls outside its pattern, and for elementwise and indexing ops every
 * entry of the pattern is non-zero at one of the points at least; no non-zero of the Hessian of
 * {@code s = sum(W * y)} falls outside the Hessian pattern.
 */
class EveryOpHasASoundSparsityRuleTest {

    /** Points per case: enough that an elementwise maximum has taken each side somewhere. */
    private static final int POINTS = 16;

    private final Derivatives derivatives = new Derivatives();

    static Stream<String> registeredOps() {
        return OpRegistry.standard().all().stream().map(Op::name);
    }

    @Test
    void theRuleTableCoversExactlyTheRegisteredOps() {
        assertThat(SparsityRules.ops()).containsExactlyInAnyOrderElementsOf(registeredOps().toList());
    }

    @Test
    void everyRuleKindMatchesItsOp() {
        for (Op op : OpRegistry.standard().all()) {
            SparsityRules.Kind kind = SparsityRules.kind(op.name()).orElseThrow();
            assertThat(SparsityRules.description(op.name())).as(op.name()).hasValueSatisfying(d -> assertThat(d).isNotBlank());
            assertThat(kind == SparsityRules.Kind.COMPOSITE).as("%s is composite", op.name()).isEqualTo(op instanceof Composite);
            if (kind == SparsityRules.Kind.ELEMENTWISE) {
                assertThat(((Primitive) op).elementwise()).as("%s is elementwise", op.name()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredOps")
    void jacobianPatternHoldsEveryNonzeroAndNoStructuralZero(String name) {
        Op op = OpRegistry.standard().require(name);
        long seed = Seeds.DEFAULT_BASE ^ name.hashCode();
        Random random = new Random(seed);
        SparsityRules.Kind kind = SparsityRules.kind(name).orElseThrow();
        boolean exact = kind == SparsityRules.Kind.ELEMENTWISE || kind == SparsityRules.Kind.INDEXING;
        for (OpCases.Case c : OpCases.of(name)) {
            SparsityPattern pattern = null;
            boolean[][] seen = null;
            for (int p = 0; p < POINTS; p++) {
                GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
                OpCall call = OpCall.of(b, op, c, random);
                Compiled f = new Compiled(b.build(List.of(call.node()), List.of("y")), BuildLimits.NONE);
                int[] wrt = all(call.point().length);
                pattern = JacobianSparsity.of(f, wrt, new int[] {0}, Long.MAX_VALUE);
                double[][] jacobian = DenseMatrices.matrix(derivatives.jacobian(new ForwardEngine(), f, call.point(), wrt),
                        new long[] {b.shape(call.node()).size()}, sizes(call.point()));
                seen = seen == null ? new boolean[jacobian.length][jacobian.length == 0 ? 0 : jacobian[0].length] : seen;
                PatternChecks.assertWithin(pattern, jacobian, seen, name + " " + c + " seed " + seed + " point " + p);
            }
            if (exact) {
                PatternChecks.assertEverySeen(pattern, seen, name + " " + c + " seed " + seed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredOps")
    void hessianPatternHoldsEveryNonzero(String name) {
        Op op = OpRegistry.standard().require(name);
        long seed = Seeds.DEFAULT_BASE ^ ~name.hashCode();
        Random random = new Random(seed);
        for (OpCases.Case c : OpCases.of(name)) {
            for (int p = 0; p < 3; p++) {
                GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
                OpCall call = OpCall.of(b, op, c, random);
                int y = call.node();
                int s = b.call("sum", b.call("mul", b.constant(OpCall.sample(b.shape(y), OpCases.ANY, random)), y));
                Compiled f = new Compiled(b.build(List.of(y, s), List.of("y", "s")), BuildLimits.NONE);
                int[] wrt = all(call.point().length);
                SparsityPattern pattern = HessianSparsity.of(f, wrt, 1, Long.MAX_VALUE);
                long[] sizes = sizes(call.point());
                double[][] hessian = DenseMatrices.matrix(
                        derivatives.hessian(new ForwardEngine(), f, call.point(), wrt, 1).hessian(), sizes, sizes);
                PatternChecks.assertWithin(pattern, hessian, new boolean[hessian.length][hessian.length],
                        name + " " + c + " seed " + seed + " point " + p);
            }
        }
    }

    private static int[] all(int n) {
        int[] wrt = new int[n];
        for (int j = 0; j < n; j++) {
            wrt[j] = j;
        }
        return wrt;
    }

    private static long[] sizes(Tensor[] point) {
        long[] sizes = new long[point.length];
        for (int j = 0; j < point.length; j++) {
            sizes[j] = point[j].size();
        }
        return sizes;
    }
}
