package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Pullback} that the reverse tape relies on: an op with a numeric rule
 * never marks elements of an argument dead where its whole output is live (only ops without one,
 * such as {@code where}, may). Checked on every case of every registered op that has a numeric
 * rule; that the rules' numbers agree with the graph rules is {@code TapeTest}'s and
 * {@code DerivativeCheck}'s.
 */
class PullbacksKeepEveryElementLiveTest {

    @Test
    void noOpWithANumericRuleMarksElementsDead() {
        List<String> checked = new ArrayList<>();
        for (String name : OpCases.names()) {
            if (!(OpRegistry.standard().require(name) instanceof Primitive op) || op.pullback() == null) {
                continue;
            }
            for (OpCases.Case c : OpCases.of(name)) {
                GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
                OpCall call = OpCall.of(b, op, c, new Random(1));
                if (!(b.build(List.of(call.node()), List.of("y")).nodes().get(call.node()) instanceof Node.Apply apply)) {
                    continue;
                }
                int[] args = apply.args().stream().mapToInt(Integer::intValue).toArray();
                for (int j = 0; j < args.length; j++) {
                    assertThat(op.liveMask(b, j, args, call.node(), -1, c.attrs())).as("%s, %s, argument %d", name, c, j)
                            .isEqualTo(-1);
                }
                checked.add(name);
            }
        }
        assertThat(checked).as("ops with numeric rules checked").contains("sin", "add", "pow", "matmul");
    }
}
