package dev.gradient.op;

import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Tensor;

/**
 * Test only, never registered by the service: sine with deliberately wrong derivative rules,
 * {@code forwardFactor * cos(x)} in forward mode and {@code reverseFactor * cos(x)} in reverse
 * mode (its graph rule and its reverse sweep's numeric rule alike), so that a gradient check
 * has something to catch. A factor of 1 is the right rule.
 */
public final class MisdifferentiatedSin extends UnaryOp {

    private final double forwardFactor;
    private final double reverseFactor;

    /** The op named {@code name}, wrong by these factors in each mode. */
    public MisdifferentiatedSin(String name, double forwardFactor, double reverseFactor) {
        super(name, "Sine with a wrong derivative, for tests.");
        this.forwardFactor = forwardFactor;
        this.reverseFactor = reverseFactor;
    }

    @Override double f(double x) { return Math.sin(x); }
    @Override double df(double x, double y) { return forwardFactor * Math.cos(x); }
    @Override int derivative(GraphBuilder b, int x, int y) {
        return b.call("mul", b.constant(reverseFactor), b.call("cos", x));
    }

    /** The reverse sweep's rule, as wrong as the graph rule. */
    @Override
    public Pullback pullback() {
        return (args, out, attrs, needed, arena) -> cotangent -> new Tensor[] {
            Tensor.of(cotangent.shape(), multiply(cotangent.values(), args[0].values()))
        };
    }

    private double[] multiply(double[] cotangent, double[] x) {
        double[] contribution = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            contribution[i] = cotangent[i] * reverseFactor * Math.cos(x[i]);
        }
        return contribution;
    }
}
