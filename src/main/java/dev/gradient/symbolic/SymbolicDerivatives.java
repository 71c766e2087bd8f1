package dev.gradient.symbolic;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.DerivativeGraphs;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds a derivative formula ({@link DerivativeFormula}) from reverse mode's adjoint graph
 * ({@link DerivativeGraphs}): the cotangent inputs are set to constants (1 for a gradient, each
 * unit vector in turn for a Jacobian's rows), and the graph is copied node by node into a
 * {@link Dag}, which simplifies and shares as it goes, keeping only what the derivative needs.
 */
@Component
public final class SymbolicDerivatives {

    /** The forms a request may ask for. */
    public static final List<String> FORMS = List.of("graph", "expression", "c");

    private final DerivativeProperties limits;

    public SymbolicDerivatives(DerivativeProperties limits) {
        this.limits = limits;
    }

    /**
     * What to differentiate.
     *
     * @param kind {@code gradient}, {@code jacobian} or {@code hessianRow}
     * @param output the output's index
     * @param wrt the input indices to differentiate by
     * @param row for {@code hessianRow}, the input index of the row
     * @param forms the forms to write, among {@link #FORMS}; {@code null} for every form that fits (C only where every node is a scalar)
     */
    public record Request(String kind, int output, int[] wrt, int row, Set<String> forms) {
    }

    /** The formula of {@code request}'s derivative of {@code f}, whose id is {@code graphId}. */
    public DerivativeFormula derive(String graphId, Compiled f, Request request) {
        ShapedGraph graph = f.graph();
        List<String> inputNames = f.inputNames();
        String outputName = f.outputNames().get(request.output());
        Shape outShape = graph.shape(graph.outputs().get(request.output()));
        Dag dag = new Dag(limits.maxNodes(), limits.maxConstantElements());
        List<Integer> inputs = new ArrayList<>();
        for (int k = 0; k < inputNames.size(); k++) {
            inputs.add(dag.input(inputNames.get(k), graph.shape(graph.inputs().get(k))));
        }
        List<String> wrt = Arrays.stream(request.wrt()).mapToObj(inputNames::get).toList();
        List<String> names = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        switch (request.kind()) {
            case "gradient" -> {
                requireScalar(outShape, outputName, "gradient");
                ShapedGraph adjoint = DerivativeGraphs.adjoint(f, request.wrt(), request.output());
                List<Integer> roots = copy(dag, adjoint, inputs, Tensor.scalar(1.0));
                for (int j = 0; j < wrt.size(); j++) {
                    names.add("d_" + wrt.get(j));
                    outputs.add(roots.get(j));
                }
            }
            case "hessianRow" -> {
                requireScalar(outShape, outputName, "Hessian row");
                ShapedGraph adjoint = DerivativeGraphs.hessianRow(f, request.wrt(), request.output(), request.row());
                List<Integer> roots = copy(dag, adjoint, inputs, Tensor.scalar(1.0), Tensor.scalar(1.0));
                for (int j = 0; j < wrt.size(); j++) {
                    names.add("d2_" + inputNames.get(request.row()) + "_d_" + wrt.get(j));
                    outputs.add(roots.get(j));
                }
            }
            default -> jacobian(f, request, dag, inputs, outShape, outputName, wrt, names, outputs);
        }
        Formula formula = new Formula(dag, inputs, unique(names, inputNames), outputs);
        Set<String> forms = request.forms() != null ? request.forms()
                : formula.allScalar() ? Set.copyOf(FORMS) : Set.of("graph", "expression");
        return new DerivativeFormula(graphId, request.kind(), outputName, wrt, formula.outputNames(),
                forms.contains("graph") ? GraphForm.of(formula) : null,
                forms.contains("expression") ? LetForm.of(formula) : null,
                forms.contains("c") ? CSource.of(formula, limits.maxCSourceBytes()) : null,
                NodeCounts.of(graph, request.output(), dag, outputs));
    }

    private void jacobian(Compiled f, Request request, Dag dag, List<Integer> inputs, Shape outShape, String outputName,
            List<String> wrt, List<String> names, List<Integer> outputs) {
        long rows = outShape.size();
        if (rows > limits.maxJacobianRows()) {
            throw GradientException.limitExceeded("gradient.derivative.max-jacobian-rows", "the output '" + outputName
                    + "' has " + rows + " elements, each a reverse pass of its own; the limit is " + limits.maxJacobianRows());
        }
        ShapedGraph adjoint = DerivativeGraphs.adjoint(f, request.wrt(), request.output());
        int[][] byRow = new int[(int) rows][];
        for (int e = 0; e < rows; e++) {
            byRow[e] = copy(dag, adjoint, inputs, Tensor.unit(outShape, e)).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int j = 0; j < wrt.size(); j++) {
            names.add("d_" + outputName + "_d_" + wrt.get(j));
            if (outShape.isScalar()) {
                outputs.add(byRow[0][j]);
                continue;
            }
            Shape in = dag.shape(inputs.get(request.wrt()[j]));
            int[] column = new int[(int) rows];
            for (int e = 0; e < rows; e++) {
                column[e] = dag.call("reshape", shapeAttr(Shape.of(1).concat(in)), byRow[e][j]);
            }
            int stacked = rows == 1 ? column[0] : dag.call("concat", Attrs.of("axis", 0), column);
            outputs.add(dag.call("reshape", shapeAttr(outShape.concat(in)), stacked));
        }
    }

    private static Attrs shapeAttr(Shape shape) {
        return Attrs.of("shape", Arrays.stream(shape.dims()).boxed().toList());
    }

    private static void requireScalar(Shape shape, String output, String what) {
        if (!shape.isScalar()) {
            throw new GradientException(ErrorCode.NOT_SCALAR, "the output '" + output + "' has shape " + shape + "; a " + what
                    + " needs a scalar output: ask for the derivative \"jacobian\"", Origin.at("/output"));
        }
    }

    /**
     * Copies the nodes of {@code graph} that its outputs need into {@code dag}, its first inputs
     * as {@code inputs} and its further inputs (the cotangents) as the constants {@code seeds};
     * returns the dag nodes of its outputs. One loop, in topological order.
     */
    private static List<Integer> copy(Dag dag, ShapedGraph graph, List<Integer> inputs, Tensor... seeds) {
        int n = graph.size();
        int[][] args = new int[n][];
        for (int i = 0; i < n; i++) {
            args[i] = graph.nodes().get(i) instanceof Node.Apply apply
                    ? apply.args().stream().mapToInt(Integer::intValue).toArray() : new int[0];
        }
        boolean[] needed = NodeCounts.marked(args, graph.outputs().stream().mapToInt(Integer::intValue).toArray());
        int[] mapped = new int[n];
        for (int k = 0; k < graph.inputs().size(); k++) {
            int node = graph.inputs().get(k);
            mapped[node] = k < inputs.size() ? inputs.get(k) : dag.constant(seeds[k - inputs.size()]);
        }
        for (int i = 0; i < n; i++) {
            if (!needed[i]) {
                continue;
            }
            Node node = graph.nodes().get(i);
            if (node instanceof Node.Const c) {
                mapped[i] = dag.constant(c.value());
            } else if (node instanceof Node.Apply apply) {
                int[] a = new int[args[i].length];
                for (int j = 0; j < a.length; j++) {
                    a[j] = mapped[args[i][j]];
                }
                mapped[i] = dag.apply((Primitive) apply.op(), apply.attrs(), a);
            }
        }
        return graph.outputs().stream().map(o -> mapped[o]).toList();
    }

    /** {@code names}, each made distinct from the input names by trailing underscores where it equals one. */
    private static List<String> unique(List<String> names, List<String> inputNames) {
        Set<String> taken = Set.copyOf(inputNames);
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String n = name;
            while (taken.contains(n) || out.contains(n)) {
                n = n + "_";
            }
            out.add(n);
        }
        return out;
    }
}
