package dev.gradient.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.Engine;
import dev.gradient.engine.ForwardEngine;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/** Small functions built by hand for the op tests, and their derivatives in each engine. */
final class Functions {

    /** Both engines, so that every expectation is checked in each. */
    static final List<Engine> ENGINES = List.of(new ForwardEngine(), new ReverseEngine());

    private static final Derivatives DERIVATIVES = new Derivatives();

    /** The body of a function: its output node, built from its input nodes. */
    @FunctionalInterface
    interface Body {
        int build(GraphBuilder b, int[] inputs);
    }

    private Functions() {
    }

    /** The function with inputs {@code x0, x1, ...} of these shapes and one output, {@code f}. */
    static Compiled of(Body body, Shape... inputs) {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int[] nodes = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            nodes[i] = b.input("x" + i, inputs[i]);
        }
        int f = body.build(b, nodes);
        return new Compiled(b.build(List.of(f), List.of("f")), BuildLimits.NONE);
    }

    /** The gradient of the scalar output of {@code f} by every input, by {@code engine}'s own product. */
    static Tensor[] gradient(Engine engine, Compiled f, Tensor... point) {
        return DERIVATIVES.gradient(engine, f, point, all(point.length), 0).gradient();
    }

    /** The Hessian blocks of the scalar output of {@code f} by every input pair: {@code engine} over reverse. */
    static Tensor[][] hessian(Engine engine, Compiled f, Tensor... point) {
        return DERIVATIVES.hessian(engine, f, point, all(point.length), 0).hessian();
    }

    private static int[] all(int n) {
        int[] wrt = new int[n];
        for (int i = 0; i < n; i++) {
            wrt[i] = i;
        }
        return wrt;
    }

    /** The value of the only output of {@code f}. */
    static Tensor value(Compiled f, Tensor... point) {
        return DERIVATIVES.evaluate(f, point)[0];
    }

    /**
     * Every element of {@code actual} equals {@code expected} up to the last bit or two (a
     * relative {@code 1e-15}); an infinite one exactly, and NaN by NaN.
     */
    static void assertElements(Tensor actual, String description, double... expected) {
        assertThat(actual.size()).as(description + ": number of elements").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            String what = description + ", element " + i;
            if (Double.isNaN(expected[i])) {
                assertThat(actual.get(i)).as(what).isNaN();
            } else if (Double.isFinite(expected[i])) {
                assertThat(actual.get(i)).as(what).isCloseTo(expected[i], within(1e-15 * Math.max(1, Math.abs(expected[i]))));
            } else {
                assertThat(actual.get(i)).as(what).isEqualTo(expected[i]);
            }
        }
    }

    static Tensor vector(double... values) {
        return Tensor.of(Shape.of(values.length), values);
    }

    static Tensor matrix(int rows, int cols, double... values) {
        return Tensor.of(Shape.of(rows, cols), values);
    }
}
