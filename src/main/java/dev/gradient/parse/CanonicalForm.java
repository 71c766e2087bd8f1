package dev.gradient.parse;

import dev.gradient.graph.Graph;
import dev.gradient.graph.Node;
import dev.gradient.tensor.Shape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical JSON form of a graph and its content hash, the graph id. Expressions are
 * already expanded into op nodes and nodes are in the parser's canonical order, so the same
 * function gets the same id however its nodes were ordered, on every replica and after
 * every restart. The canonical form is itself a valid graph: posting it again gives the same id.
 * {@code outputNames} appears only where an output is reported under another name than its
 * node's id (an expression's {@code f} where an input is also called {@code f}).
 */
public final class CanonicalForm {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CanonicalForm() {
    }

    /** The canonical graph: {@code inputs}, {@code nodes} and {@code outputs}, with fields in a fixed order. */
    public static ObjectNode toJson(Graph graph) {
        ObjectNode root = JSON.objectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (int i = 0; i < graph.inputs().size(); i++) {
            Node.Input input = graph.input(i);
            ObjectNode entry = inputs.addObject().put("name", input.id());
            if (input.declaredShape() != null) {
                entry.set("shape", shape(input.declaredShape()));
            }
        }
        ArrayNode nodes = root.putArray("nodes");
        for (Node node : graph.nodes()) {
            if (node instanceof Node.Const c) {
                nodes.addObject().put("id", c.id()).set("const", Values.toJson(c.value()));
            } else if (node instanceof Node.Apply apply) {
                ObjectNode entry = nodes.addObject().put("id", apply.id()).put("op", apply.op().name());
                ArrayNode args = entry.putArray("args");
                apply.args().forEach(arg -> args.add(graph.nodes().get(arg).id()));
                if (!apply.attrs().asMap().isEmpty()) {
                    entry.set("attrs", MAPPER.valueToTree(apply.attrs().asMap()));
                }
            }
        }
        ArrayNode outputs = root.putArray("outputs");
        graph.outputs().forEach(output -> outputs.add(graph.nodes().get(output).id()));
        List<String> ids = graph.outputs().stream().map(output -> graph.nodes().get(output).id()).toList();
        if (!ids.equals(graph.outputNames())) {
            ArrayNode names = root.putArray("outputNames");
            graph.outputNames().forEach(names::add);
        }
        return root;
    }

    /** The graph id: the first 128 bits of the SHA-256 of the canonical form's compact JSON, in hex. */
    public static String id(Graph graph) {
        byte[] canonical = MAPPER.writeValueAsString(toJson(graph)).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ArrayNode shape(Shape shape) {
        ArrayNode dims = JSON.arrayNode();
        for (int d : shape.dims()) {
            dims.add(d);
        }
        return dims;
    }
}
