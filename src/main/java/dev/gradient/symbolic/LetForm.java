package dev.gradient.symbolic;

import dev.gradient.parse.Values;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Formula} as expressions with let-style bindings: a subexpression used more
 * than once is bound to a name once ({@code t1 = cos(x)}) and the name used after, so that the
 * text grows with the DAG, not with the expanded tree. The same bindings come as a graph of
 * {@code expr} nodes (and {@code const} nodes for tensor constants, which the grammar has no
 * literal for), which can be posted back. A long or deep subexpression is bound too, so that
 * every binding stays within the parser's limits; no step recurses.
 *
 * @param text one binding per line, then one line per output
 * @param graph the same bindings as a graph in the contract's JSON form
 */
public record LetForm(
        @Schema(description = "One binding per line (t1 = cos(x)), then one line per output.") String text,
        @Schema(ref = DerivativeFormula.GRAPH, description = "The same bindings as a graph of expr nodes.") Object graph) {

    private static final int MAX_INLINE_LENGTH = 200;
    private static final int MAX_INLINE_DEPTH = 16;

    static LetForm of(Formula formula) {
        Dag dag = formula.dag();
        boolean[] needed = formula.needed();
        int[] uses = formula.uses(needed);
        FreshNames fresh = new FreshNames(formula.names());
        String[] text = new String[needed.length];
        int[] depth = new int[needed.length];
        ObjectNode graph = JsonNodeFactory.instance.objectNode();
        ArrayNode inputs = graph.putArray("inputs");
        for (int input : formula.inputs()) {
            text[input] = dag.get(input).input();
            inputs.addObject().put("name", text[input]).set("shape", GraphForm.shape(dag.shape(input)));
        }
        ArrayNode nodes = graph.putArray("nodes");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < needed.length; i++) {
            Dag.Entry e = dag.get(i);
            if (!needed[i] || e.input() != null) {
                continue;
            }
            if (e.isConstant()) {
                if (e.shape().isScalar()) {
                    text[i] = number(e.constant().get(0));
                } else {
                    text[i] = fresh.next("c");
                    nodes.addObject().put("id", text[i]).set("const", Values.toJson(e.constant()));
                    lines.append(text[i]).append(" = ").append(Values.toJson(e.constant())).append('\n');
                }
                continue;
            }
            List<String> args = new ArrayList<>(e.args().length);
            int deepest = 0;
            for (int a : e.args()) {
                args.add(text[a]);
                deepest = Math.max(deepest, depth[a]);
            }
            text[i] = Formulas.apply(e.op().name(), e.attrs(), args);
            depth[i] = deepest + 1;
            if (uses[i] > 1 || text[i].length() > MAX_INLINE_LENGTH || depth[i] > MAX_INLINE_DEPTH) {
                String name = fresh.next("t");
                nodes.addObject().put("id", name).put("expr", text[i]);
                lines.append(name).append(" = ").append(text[i]).append('\n');
                text[i] = name;
                depth[i] = 0;
            }
        }
        ArrayNode outputs = graph.putArray("outputs");
        for (int k = 0; k < formula.outputs().size(); k++) {
            String name = formula.outputNames().get(k);
            String value = text[formula.outputs().get(k)];
            nodes.addObject().put("id", name).put("expr", value);
            lines.append(name).append(" = ").append(value).append('\n');
            outputs.add(name);
        }
        return new LetForm(lines.toString(), graph);
    }

    /** A number as the grammar reads it back as the same double; non-finite ones as the divisions that give them. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "(0 / 0)";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "(1 / 0)" : "(-1 / 0)";
        }
        return Double.toString(v);
    }
}
