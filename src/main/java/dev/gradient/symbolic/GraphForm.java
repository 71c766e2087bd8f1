package dev.gradient.symbolic;

import dev.gradient.parse.Values;
import dev.gradient.tensor.Shape;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Formula} as a graph in the contract's JSON form, one node per op or constant,
 * so that it can be posted to {@code POST /graphs} or evaluated like any graph. Its inputs are
 * the function's, with their shapes declared; its outputs are the formula's.
 */
final class GraphForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GraphForm() {
    }

    static ObjectNode of(Formula formula) {
        Dag dag = formula.dag();
        boolean[] needed = formula.needed();
        FreshNames fresh = new FreshNames(formula.names());
        String[] ids = new String[needed.length];
        ObjectNode graph = NODES.objectNode();
        ArrayNode inputs = graph.putArray("inputs");
        for (int input : formula.inputs()) {
            ids[input] = dag.get(input).input();
            inputs.addObject().put("name", ids[input]).set("shape", shape(dag.shape(input)));
        }
        Map<Integer, String> named = new HashMap<>();
        for (int k = 0; k < formula.outputs().size(); k++) {
            int node = formula.outputs().get(k);
            if (dag.get(node).op() != null && !named.containsKey(node)) {
                named.put(node, formula.outputNames().get(k));
            }
        }
        ArrayNode nodes = graph.putArray("nodes");
        for (int i = 0; i < needed.length; i++) {
            Dag.Entry e = dag.get(i);
            if (!needed[i] || e.input() != null) {
                continue;
            }
            if (e.isConstant()) {
                ids[i] = fresh.next("c");
                nodes.addObject().put("id", ids[i]).set("const", Values.toJson(e.constant()));
                continue;
            }
            ids[i] = named.containsKey(i) ? named.get(i) : fresh.next("t");
            ObjectNode node = nodes.addObject().put("id", ids[i]).put("op", e.op().name());
            ArrayNode args = node.putArray("args");
            for (int a : e.args()) {
                args.add(ids[a]);
            }
            if (!e.attrs().asMap().isEmpty()) {
                node.set("attrs", attrs(e.attrs().asMap()));
            }
        }
        ArrayNode outputs = graph.putArray("outputs");
        for (int k = 0; k < formula.outputs().size(); k++) {
            String name = formula.outputNames().get(k);
            String id = ids[formula.outputs().get(k)];
            if (!id.equals(name)) {
                // an input, a constant, or a node another output already names
                nodes.addObject().put("id", name).put("op", "identity").putArray("args").add(id);
            }
            outputs.add(name);
        }
        return graph;
    }

    static ArrayNode shape(Shape shape) {
        ArrayNode dims = NODES.arrayNode();
        for (int d : shape.dims()) {
            dims.add(d);
        }
        return dims;
    }

    private static ObjectNode attrs(Map<String, Object> attrs) {
        ObjectNode out = NODES.objectNode();
        attrs.forEach((name, value) -> {
            if (value instanceof Integer i) {
                out.put(name, i);
            } else if (value instanceof String s) {
                out.put(name, s);
            } else {
                ArrayNode list = out.putArray(name);
                ((java.util.List<?>) value).forEach(v -> list.add((Integer) v));
            }
        });
        return out;
    }
}
