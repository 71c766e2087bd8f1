package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Evaluation;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.graph.GraphException;
import dev.gradient.graph.LimitExceededException;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    private final SourceParser parser = new SourceParser(new ParseLimits(100_000, 64, 500_000));

    /** The value of {@code text} at scalar inputs given by name. */
    private double eval(String text, Map<String, Double> at) {
        Graph graph = parser.expression(text, "/expression");
        Shape[] shapes = new Shape[graph.inputs().size()];
        Tensor[] values = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = Shape.SCALAR;
            values[i] = Tensor.scalar(at.get(graph.inputNames().get(i)));
        }
        ShapedGraph shaped = GraphCompiler.compile(graph, shapes, BuildLimits.NONE);
        return new Evaluation(new Compiled(shaped, BuildLimits.NONE), values).output(0).scalarValue();
    }

    @Test
    void powerBindsTighterThanUnaryMinusAndIsRightAssociative() {
        assertThat(eval("-x^2", Map.of("x", 3.0))).isEqualTo(-9.0);
        assertThat(eval("-x**2", Map.of("x", 3.0))).isEqualTo(-9.0);
        assertThat(eval("2^3^2", Map.of())).isEqualTo(512.0);
        assertThat(eval("2^-x", Map.of("x", 1.0))).isEqualTo(0.5);
    }

    @Test
    void unaryMinusMayStartAnyOperand() {
        assertThat(eval("x*-y", Map.of("x", 2.0, "y", 3.0))).isEqualTo(-6.0);
        assertThat(eval("x - -y", Map.of("x", 2.0, "y", 3.0))).isEqualTo(5.0);
        assertThat(eval("--x", Map.of("x", 2.0))).isEqualTo(2.0);
    }

    @Test
    void precedenceRunsFromComparisonsToProducts() {
        assertThat(eval("1 + 2 * 3 < 2 * 4", Map.of())).isEqualTo(1.0);
        assertThat(eval("(1 + 2) * 3", Map.of())).isEqualTo(9.0);
        assertThat(eval("8 / 4 / 2", Map.of())).isEqualTo(1.0);
        assertThat(eval("10 - 4 - 3", Map.of())).isEqualTo(3.0);
        assertThat(eval("x != 2", Map.of("x", 2.0))).isEqualTo(0.0);
    }

    @Test
    void constantsAndNumberFormsAreRecognised() {
        assertThat(eval("pi", Map.of())).isEqualTo(Math.PI);
        assertThat(eval("e^1", Map.of())).isEqualTo(Math.E, within(1e-15));
        assertThat(eval("3e-4 + 1.5 + .5", Map.of())).isEqualTo(2.0003, within(1e-15));
    }

    @Test
    void inputsAreOrderedByFirstAppearance() {
        assertThat(parser.expression("log(x1) + x1*x2 - sin(x2) + a", "/expression").inputNames())
                .containsExactly("x1", "x2", "a");
        assertThat(parser.expression("r * cos(t)", "/expression").inputNames()).containsExactly("r", "t");
        assertThat(parser.expressions(java.util.List.of("b * sin(a)", "c + a"), "/expression").inputNames())
                .containsExactly("b", "a", "c");
    }

    @Test
    void anInputMayBeCalledFLikeTheOutput() {
        assertThat(eval("f * 2 + 1", Map.of("f", 3.0))).isEqualTo(7.0);
        assertThat(eval("f", Map.of("f", 3.0))).isEqualTo(3.0);
        Graph graph = parser.expression("f * 2", "/expression");
        assertThat(graph.inputNames()).containsExactly("f");
        assertThat(graph.outputNames()).containsExactly("f");
        Graph vector = parser.expressions(java.util.List.of("f + g", "g"), "/expression");
        assertThat(vector.inputNames()).containsExactly("f", "g");
        assertThat(vector.outputNames()).containsExactly("f");
    }

    @Test
    void twoArgumentMaxAndMinAreElementwise() {
        assertThat(eval("max(x, y) + min(x, 2*y)", Map.of("x", 0.8, "y", 0.3))).isEqualTo(1.4, within(1e-15));
    }

    @Test
    void aBareNameIsTheIdentity() {
        assertThat(eval("x", Map.of("x", 4.0))).isEqualTo(4.0);
        assertThat(eval("-7", Map.of())).isEqualTo(-7.0);
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertError("x + * y", "SYNTAX", 4);
        assertError("sin(x", "SYNTAX", 5);
        assertError("x $ y", "SYNTAX", 2);
        assertError("(x + y", "SYNTAX", 6);
        assertError("x y", "SYNTAX", 2);
        assertError("", "SYNTAX", 0);
    }

    @Test
    void digitsOutsideAsciiAreSyntaxErrorsNotNumbers() {
        assertError("x + \u0661\u0662", "SYNTAX", 4);
        assertError("\uff11", "SYNTAX", 0);
        assertError("1\u0662", "SYNTAX", 1);
    }

    @Test
    void unknownFunctionsAndBadCallsAreNamed() {
        assertError("1 + foo(x)", "UNKNOWN_OP", 4);
        assertError("sin(x, y)", "ARITY", 0);
        assertError("sum(x, axes=1)", "BAD_ATTRS", 0);
        assertError("sum(x, axis=[1])", "BAD_ATTRS", 0);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeItCanOverflow() {
        String deep = "(".repeat(100) + "x" + ")".repeat(100);
        assertThatThrownBy(() -> parser.expression(deep, "/expression")).isInstanceOf(LimitExceededException.class);
        String minuses = "-".repeat(100_000) + "x";
        assertThatThrownBy(() -> parser.expression(minuses, "/expression")).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void longFlatChainsParseWithoutRecursion() {
        String[] terms = new String[50_000];
        Arrays.fill(terms, "x");
        assertThat(eval(String.join("+", terms), Map.of("x", 1.0))).isEqualTo(50_000.0);
    }

    @Test
    void overlongExpressionsAreRefused() {
        SourceParser small = new SourceParser(new ParseLimits(10, 64, 1000));
        assertThatThrownBy(() -> small.expression("x + y + z + w", "/expression"))
                .isInstanceOf(LimitExceededException.class);
    }

    private void assertError(String text, String code, int position) {
        assertThatThrownBy(() -> parser.expression(text, "/expression"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
                    assertThat(e.origin().position()).as(e.getMessage()).isEqualTo(position);
                    assertThat(e.origin().pointer()).isEqualTo("/expression");
                });
    }
}
