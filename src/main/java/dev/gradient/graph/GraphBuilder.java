package dev.gradient.graph;

import dev.gradient.error.GradientException;
import dev.gradient.op.Composite;
import dev.gradient.op.Op;
import dev.gradient.op.OpRegistry;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ShapedGraph} node by node: infers each node's shape as it is added, expands
 * composite ops into primitives, and checks the {@link BuildLimits} before a node is kept.
 * Derivative rules use it to write the reverse pass as graph nodes.
 *
 * <p>Not thread-safe: one builder per graph being built.
 */
public final class GraphBuilder {

    private final List<Node> nodes = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();
    private final Map<Long, Integer> scalarConstants = new HashMap<>();
    private final BuildLimits limits;
    private long cost;

    /** A builder that enforces {@code limits}. */
    public GraphBuilder(BuildLimits limits) {
        this.limits = limits;
    }

    /** A builder that starts from all nodes and inputs of {@code graph}, at the same positions. */
    public static GraphBuilder extending(ShapedGraph graph, BuildLimits limits) {
        GraphBuilder b = new GraphBuilder(limits);
        b.nodes.addAll(graph.nodes());
        b.shapes.addAll(graph.shapes());
        b.inputs.addAll(graph.inputs());
        b.cost = graph.cost();
        return b;
    }

    /** The number of nodes so far. */
    public int size() {
        return nodes.size();
    }

    /** The shape of node {@code node}. */
    public Shape shape(int node) {
        return shapes.get(node);
    }

    /** Node {@code node} as built. */
    public Node node(int node) {
        return nodes.get(node);
    }

    /** Adds an input named {@code name} of shape {@code shape}. */
    public int input(String name, Shape shape) {
        int position = add(new Node.Input(name, shape), shape, 0);
        inputs.add(position);
        return position;
    }

    /** Adds a constant. */
    public int constant(Tensor value) {
        return add(new Node.Const("", value), value.shape(), 0);
    }

    /** A scalar constant, shared with earlier uses of the same value in this builder. */
    public int constant(double value) {
        Integer known = scalarConstants.get(Double.doubleToRawLongBits(value));
        if (known != null) {
            return known;
        }
        int position = constant(Tensor.scalar(value));
        scalarConstants.put(Double.doubleToRawLongBits(value), position);
        return position;
    }

    /** Whether node {@code node} is the scalar constant {@code value}. */
    public boolean isConstant(int node, double value) {
        Double constant = scalarConstant(node);
        return constant != null && constant == value;
    }

    /** The value of node {@code node} where it is a scalar constant, else {@code null}. */
    public Double scalarConstant(int node) {
        return nodes.get(node) instanceof Node.Const c && c.value().shape().isScalar() ? c.value().scalarValue() : null;
    }

    /** Applies the registered op {@code op} without attributes. */
    public int call(String op, int... args) {
        return apply(OpRegistry.standard().require(op), Attrs.NONE, args);
    }

    /** Applies the registered op {@code op}. */
    public int call(String op, Attrs attrs, int... args) {
        return apply(OpRegistry.standard().require(op), attrs, args);
    }

    /** Applies {@code op}: a primitive becomes one node, a composite its expansion. */
    public int apply(Op op, Attrs attrs, int... args) {
        if (op instanceof Composite composite) {
            return composite.expand(this, args, attrs);
        }
        Primitive primitive = (Primitive) op;
        Shape[] argShapes = new Shape[args.length];
        for (int i = 0; i < args.length; i++) {
            argShapes[i] = shapes.get(args[i]);
        }
        Shape shape = primitive.shape(argShapes, attrs);
        List<Integer> argList = new ArrayList<>(args.length);
        for (int arg : args) {
            argList.add(arg);
        }
        return add(new Node.Apply("", primitive, argList, attrs), shape, primitive.cost(argShapes, shape));
    }

    /** {@code x} broadcast to {@code shape}; {@code x} itself where it has that shape. */
    public int broadcastTo(int x, Shape shape) {
        return shapes.get(x).equals(shape) ? x : call("broadcast_to", Attrs.of("shape", dimsOf(shape)), x);
    }

    /** {@code x} summed down to {@code shape} (the transpose of broadcasting); {@code x} where it has that shape. */
    public int sumTo(int x, Shape shape) {
        return shapes.get(x).equals(shape) ? x : call("sum_to", Attrs.of("shape", dimsOf(shape)), x);
    }

    /**
     * The chain rule's product of a cotangent and a partial: {@code mul_no_nan}, exactly 0
     * where either factor is 0, skipping a multiplication by the constant 1.
     */
    public int times(int a, int b) {
        if (isConstant(b, 1.0) && shapes.get(b).broadcastsTo(shapes.get(a))) {
            return a;
        }
        if (isConstant(a, 1.0) && shapes.get(a).broadcastsTo(shapes.get(b))) {
            return b;
        }
        return call("mul_no_nan", a, b);
    }

    /** {@code x} reshaped to {@code shape}; {@code x} itself where it has that shape. */
    public int reshape(int x, Shape shape) {
        return shapes.get(x).equals(shape) ? x : call("reshape", Attrs.of("shape", dimsOf(shape)), x);
    }

    /** The shaped graph with these output nodes, named in order. */
    public ShapedGraph build(List<Integer> outputs, List<String> outputNames) {
        return new ShapedGraph(nodes, shapes, inputs, outputs, outputNames, cost);
    }

    private int add(Node node, Shape shape, long nodeCost) {
        if (nodes.size() >= limits.maxNodes()) {
            throw GradientException.limitExceeded("gradient.limits.max-nodes",
                    "the graph would have more than " + limits.maxNodes() + " nodes (after composite ops are expanded"
                            + " and derivative nodes added)");
        }
        if (shape.size() > limits.maxElements()) {
            throw GradientException.limitExceeded("gradient.limits.max-elements",
                    "a tensor of shape " + shape + " would have " + shape.size() + " elements; the limit is "
                            + limits.maxElements());
        }
        cost = cost + nodeCost < 0 ? Long.MAX_VALUE : cost + nodeCost;
        if (cost > limits.maxCost()) {
            throw GradientException.limitExceeded("gradient.limits.max-cost",
                    "the estimated cost of one evaluation passes the limit of " + limits.maxCost() + " element operations");
        }
        nodes.add(node);
        shapes.add(shape);
        return nodes.size() - 1;
    }

    private static List<Integer> dimsOf(Shape shape) {
        List<Integer> dims = new ArrayList<>(shape.rank());
        for (int d : shape.dims()) {
            dims.add(d);
        }
        return dims;
    }
}
