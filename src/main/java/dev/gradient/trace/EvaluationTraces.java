package dev.gradient.trace;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Evaluation;
import dev.gradient.engine.NodeSweeps;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Node;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.symbolic.Formulas;
import dev.gradient.tensor.Tensor;
import dev.gradient.trace.EvaluationTrace.AdjointRow;
import dev.gradient.trace.EvaluationTrace.AdjointTrace;
import dev.gradient.trace.EvaluationTrace.PrimalRow;
import dev.gradient.trace.EvaluationTrace.TangentRow;
import dev.gradient.trace.EvaluationTrace.TangentTrace;
import dev.gradient.trace.EvaluationTrace.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * Builds the evaluation trace of a compiled function at one point ({@link EvaluationTrace}) from
 * the engines' sweeps with every node kept ({@link NodeSweeps}). Refuses a function with more
 * nodes than {@link TraceProperties#maxNodes} before any sweep runs.
 */
@Component
public final class EvaluationTraces {

    private final TraceProperties limits;

    public EvaluationTraces(TraceProperties limits) {
        this.limits = limits;
    }

    /** Checks that {@code f} is small enough to trace. */
    public void checkSize(Compiled f) {
        int nodes = f.graph().size();
        if (nodes > limits.maxNodes()) {
            throw GradientException.limitExceeded("gradient.trace.max-nodes", "the function has " + nodes
                    + " nodes once compiled; a trace shows every node, and the limit is " + limits.maxNodes());
        }
    }

    /**
     * The trace of {@code f} at {@code point} (a value per input, in input order), for the input
     * tangents {@code tangents} ({@code null} entries are zero) and the cotangent {@code seed} of
     * output {@code output}, each value shown up to {@code shown} elements.
     */
    public EvaluationTrace trace(String graphId, Compiled f, Tensor[] point, Tensor[] tangents, int output, Tensor seed,
            int shown) {
        checkSize(f);
        ShapedGraph graph = f.graph();
        TraceNames names = new TraceNames(graph);
        Evaluation at = new Evaluation(f, point);
        Tensor[] values = NodeSweeps.values(at);
        Tensor[] tangent = NodeSweeps.tangents(at, tangents);
        NodeSweeps.Adjoints adjoints = NodeSweeps.adjoints(at, output, seed);
        List<PrimalRow> primal = new ArrayList<>(graph.size());
        List<TangentRow> tangentRows = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            primal.add(primalRow(graph, names, i, Shown.of(values[i], shown)));
            if (!(graph.nodes().get(i) instanceof Node.Const)) {
                Shown t = Shown.of(orZero(tangent[i], graph, i), shown);
                tangentRows.add(new TangentRow(names.tangent(i), names.of(i), t.value(), t.abbreviated()));
            }
        }
        List<AdjointRow> adjointRows = new ArrayList<>();
        for (int i = graph.size() - 1; i >= 0; i--) {
            if (!(graph.nodes().get(i) instanceof Node.Const)) {
                adjointRows.add(adjointRow(graph, names, adjoints, i, shown, graph.outputs().get(output)));
            }
        }
        List<String> inputNames = f.inputNames();
        Map<String, Tensor> direction = new LinkedHashMap<>();
        Map<String, Tensor> gradient = new LinkedHashMap<>();
        for (int k = 0; k < inputNames.size(); k++) {
            int node = graph.inputs().get(k);
            direction.put(inputNames.get(k), orZero(tangents[k], graph, node));
            gradient.put(inputNames.get(k), orZero(adjoints.adjoints()[node], graph, node));
        }
        int outputNode = graph.outputs().get(output);
        return new EvaluationTrace(graphId, f.outputNames().get(output), primal, new TangentTrace(direction, tangentRows),
                new AdjointTrace(seed, adjointRows), orZero(tangent[outputNode], graph, outputNode), gradient);
    }

    private static Tensor orZero(Tensor t, ShapedGraph graph, int node) {
        return t != null ? t : Tensor.zeros(graph.shape(node));
    }

    private static PrimalRow primalRow(ShapedGraph graph, TraceNames names, int i, Shown value) {
        Node node = graph.nodes().get(i);
        List<Integer> shape = Arrays.stream(graph.shape(i).dims()).boxed().toList();
        String name = names.of(i);
        if (node instanceof Node.Apply apply) {
            List<String> args = apply.args().stream().map(names::of).toList();
            String text = name + " = " + Formulas.apply(apply.op().name(), apply.attrs(), args);
            return new PrimalRow(name, node.id(), "op", apply.op().name(), args, text, shape, value.value(), value.abbreviated());
        }
        String kind = node instanceof Node.Input ? "input" : "const";
        String text = name + " = " + (node instanceof Node.Input ? node.id() : "constant");
        return new PrimalRow(name, node.id(), kind, null, null, text, shape, value.value(), value.abbreviated());
    }

    private static AdjointRow adjointRow(ShapedGraph graph, TraceNames names, NodeSweeps.Adjoints adjoints, int i, int shown,
            int outputNode) {
        List<NodeSweeps.Contribution> parts = adjoints.contributions().get(i);
        List<Term> terms = new ArrayList<>(parts.size());
        StringJoiner sum = new StringJoiner(" + ");
        for (NodeSweeps.Contribution part : parts) {
            Shown value = Shown.of(part.value(), shown);
            terms.add(new Term(names.of(part.from()), value.value(), value.abbreviated()));
            sum.add(names.adjoint(part.from()) + " \u2202" + names.of(part.from()) + "/\u2202" + names.of(i));
        }
        String written = parts.isEmpty() ? "" : sum.toString();
        String text = names.adjoint(i) + " = " + (i == outputNode ? (written.isEmpty() ? "seed" : "seed + " + written)
                : written.isEmpty() ? "0" : written);
        Shown value = Shown.of(orZero(adjoints.adjoints()[i], graph, i), shown);
        return new AdjointRow(names.adjoint(i), names.of(i), text, terms, value.value(), value.abbreviated());
    }
}
