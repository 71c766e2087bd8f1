package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.Graph;
import dev.gradient.op.Op;
import dev.gradient.op.OpRegistry;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Parses a JSON graph (section 3 of the contract): {@code nodes} with {@code op}/{@code args}/
 * {@code attrs}, {@code const} or {@code expr}, optional {@code inputs}, required
 * {@code outputs}. Form errors are 400s ({@link GradientException}); nonsense such as
 * an unknown op or name, a wrong arity or a cycle is a 422 ({@link GradientException}); each
 * points at the offending spot.
 */
final class GraphParser {

    private static final Set<String> NODE_FIELDS = Set.of("id", "op", "args", "attrs", "const", "expr");
    private static final Set<String> GRAPH_FIELDS = Set.of("inputs", "nodes", "outputs", "outputNames");

    private GraphParser() {
    }

    static Graph parse(JsonNode graph, String pointer, ParseLimits limits, OpRegistry ops) {
        requireObject(graph, pointer, GRAPH_FIELDS);
        JsonNode nodes = graph.get("nodes");
        String nodesAt = Pointer.child(pointer, "nodes");
        if (nodes == null || !nodes.isArray()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of nodes but was " + Values.describe(nodes)
                    + " at " + nodesAt, nodesAt);
        }
        if (nodes.size() > limits.maxNodes()) {
            throw GradientException.limitExceeded("gradient.limits.max-nodes",
                    "the graph has " + nodes.size() + " nodes; the limit is " + limits.maxNodes());
        }
        List<DeclaredInput> declared = graph.has("inputs") ? inputs(graph.get("inputs"), Pointer.child(pointer, "inputs"))
                : null;
        Set<String> defined = new HashSet<>();
        for (JsonNode node : nodes) {
            JsonNode id = node.get("id");
            if (id != null && id.isString()) {
                defined.add(id.stringValue());
            }
        }
        if (declared != null) {
            declared.forEach(input -> defined.add(input.name()));
        }
        List<DraftNode> drafts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            node(nodes.get(i), Pointer.child(nodesAt, i), defined, limits, ops, drafts);
        }
        JsonNode outputs = graph.get("outputs");
        String outputsAt = Pointer.child(pointer, "outputs");
        if (outputs == null || !outputs.isArray() || outputs.isEmpty()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected a non-empty array of output names but was "
                    + Values.describe(outputs) + " at " + outputsAt, outputsAt);
        }
        List<String> outputNames = new ArrayList<>(); // the outputs' node ids or input names
        List<Origin> outputOrigins = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) {
            String at = Pointer.child(outputsAt, k);
            outputNames.add(Json.string(outputs.get(k), at));
            outputOrigins.add(Origin.at(at));
        }
        return GraphAssembler.assemble(drafts, declared, outputNames, reportedNames(graph, outputNames, pointer),
                outputOrigins);
    }

    /** The names results are reported under: {@code outputNames} where given, else the outputs' own names. */
    private static List<String> reportedNames(JsonNode graph, List<String> outputs, String pointer) {
        JsonNode names = graph.get("outputNames");
        if (names == null || names.isNull()) {
            return outputs;
        }
        String namesAt = Pointer.child(pointer, "outputNames");
        if (!names.isArray() || names.size() != outputs.size()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of " + outputs.size() + " names, one per output, but was "
                    + Values.describe(names) + " at " + namesAt, namesAt);
        }
        List<String> reported = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            reported.add(Json.string(names.get(k), Pointer.child(namesAt, k)));
        }
        return reported;
    }

    private static void node(JsonNode node, String pointer, Set<String> defined, ParseLimits limits, OpRegistry ops,
            List<DraftNode> out) {
        requireObject(node, pointer, NODE_FIELDS);
        String id = Json.string(node.get("id"), Pointer.child(pointer, "id"));
        int kinds = (node.has("op") ? 1 : 0) + (node.has("const") ? 1 : 0) + (node.has("expr") ? 1 : 0);
        if (kinds != 1) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "A node needs exactly one of \"op\", \"const\" or \"expr\" at " + pointer,
                    pointer);
        }
        if (node.has("const")) {
            out.add(DraftNode.constant(id, Values.fromJson(node.get("const"), Pointer.child(pointer, "const"), limits.arrays()),
                    Origin.at(pointer)));
        } else if (node.has("expr")) {
            String at = Pointer.child(pointer, "expr");
            ExpressionParser.parse(Json.string(node.get("expr"), at), at, id, defined::contains, limits, ops, out);
        } else {
            out.add(apply(node, id, pointer, ops));
        }
        if (out.size() > limits.maxNodes()) {
            throw GradientException.limitExceeded("gradient.limits.max-nodes",
                    "the graph has more than " + limits.maxNodes() + " nodes (counting those its expressions create)");
        }
    }

    private static DraftNode apply(JsonNode node, String id, String pointer, OpRegistry ops) {
        Origin origin = Origin.at(pointer);
        String opAt = Pointer.child(pointer, "op");
        String opName = Json.string(node.get("op"), opAt);
        Op op = OpCalls.find(ops, opName, Origin.at(opAt));
        JsonNode args = node.get("args");
        String argsAt = Pointer.child(pointer, "args");
        if (args == null || !args.isArray()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of argument names but was " + Values.describe(args)
                    + " at " + argsAt, argsAt);
        }
        OpCalls.checkArity(op, "op '" + opName + "'", args.size(), Origin.at(argsAt));
        List<String> names = new ArrayList<>();
        List<Origin> argOrigins = new ArrayList<>();
        for (int j = 0; j < args.size(); j++) {
            String at = Pointer.child(argsAt, j);
            names.add(Json.string(args.get(j), at));
            argOrigins.add(Origin.at(at));
        }
        String attrsAt = Pointer.child(pointer, "attrs");
        Map<String, Object> attrs = attrs(node.get("attrs"), attrsAt);
        OpCalls.checkAttrs(op, "op '" + opName + "'", attrs, Origin.at(attrsAt));
        return DraftNode.apply(id, op, names, argOrigins, dev.gradient.graph.Attrs.of(attrs), origin);
    }

    private static Map<String, Object> attrs(JsonNode attrs, String pointer) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (attrs == null || attrs.isNull()) {
            return out;
        }
        if (!attrs.isObject()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an object of attributes but was " + Values.describe(attrs)
                    + " at " + pointer, pointer);
        }
        for (Map.Entry<String, JsonNode> attr : attrs.properties()) {
            String at = Pointer.child(pointer, attr.getKey());
            JsonNode value = attr.getValue();
            if (value.isString()) {
                out.put(attr.getKey(), value.stringValue());
            } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                out.put(attr.getKey(), value.intValue());
            } else if (value.isArray()) {
                List<Integer> ints = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                        throw new GradientException(ErrorCode.BAD_ATTRS, "attribute '" + attr.getKey() + "' must be a list of integers",
                                Origin.at(Pointer.child(at, i)));
                    }
                    ints.add(element.intValue());
                }
                out.put(attr.getKey(), ints);
            } else {
                throw new GradientException(ErrorCode.BAD_ATTRS, "attribute '" + attr.getKey()
                        + "' must be an integer, a list of integers or a string", Origin.at(at));
            }
        }
        return out;
    }

    private static List<DeclaredInput> inputs(JsonNode inputs, String pointer) {
        if (!inputs.isArray()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected an array of inputs but was " + Values.describe(inputs) + " at "
                    + pointer, pointer);
        }
        List<DeclaredInput> declared = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String at = Pointer.child(pointer, i);
            JsonNode input = inputs.get(i);
            requireObject(input, at, Set.of("name", "shape"));
            String name = Json.string(input.get("name"), Pointer.child(at, "name"));
            JsonNode shape = input.get("shape");
            declared.add(new DeclaredInput(name,
                    shape == null || shape.isNull() ? null : ShapeJson.read(shape, Pointer.child(at, "shape")), Origin.at(at)));
        }
        return declared;
    }

    private static void requireObject(JsonNode node, String pointer, Set<String> fields) {
        Json.onlyFields(Json.object(node, pointer), fields, pointer);
    }
}
