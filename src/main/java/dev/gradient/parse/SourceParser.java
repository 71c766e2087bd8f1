package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.Graph;
import dev.gradient.op.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The one entry point for turning a request's function into a {@link Graph}: an expression,
 * an array of scalar expressions (a vector function), or a JSON graph. Thread-safe.
 */
public final class SourceParser {

    /** The name of an expression source's one output. */
    public static final String EXPRESSION_OUTPUT = "f";

    /**
     * The output node's id where an expression reads an input called {@code f}: not an
     * identifier, so no name in an expression can refer to it; the output is still reported as f.
     */
    private static final String INTERNAL_OUTPUT = "=f";

    private final ParseLimits limits;
    private final OpRegistry ops;

    /** A parser of the service's op set that enforces {@code limits}. */
    public SourceParser(ParseLimits limits) {
        this(limits, OpRegistry.standard());
    }

    /** A parser that enforces {@code limits} and knows the public ops of {@code ops}. */
    public SourceParser(ParseLimits limits, OpRegistry ops) {
        this.limits = limits;
        this.ops = ops;
    }

    /** One expression, found at {@code pointer}: inputs in order of first appearance, one output named {@code f}. */
    public Graph expression(String text, String pointer) {
        List<DraftNode> drafts = new ArrayList<>();
        ExpressionParser.parse(text, pointer, EXPRESSION_OUTPUT, name -> false, limits, ops, drafts);
        if (usesName(drafts, EXPRESSION_OUTPUT)) {
            drafts.clear();
            ExpressionParser.parse(text, pointer, INTERNAL_OUTPUT, name -> false, limits, ops, drafts);
            return GraphAssembler.assemble(drafts, null, List.of(INTERNAL_OUTPUT), List.of(EXPRESSION_OUTPUT),
                    List.of(Origin.at(pointer)));
        }
        return GraphAssembler.assemble(drafts, null, List.of(EXPRESSION_OUTPUT), List.of(Origin.at(pointer)));
    }

    /** Whether some node of {@code drafts} reads the name {@code name}. */
    private static boolean usesName(List<DraftNode> drafts, String name) {
        return drafts.stream().anyMatch(draft -> draft.args().contains(name));
    }

    /**
     * Several expressions, found at {@code pointer}: one output {@code f}, their stack, of
     * shape {@code [k]}. Each must be scalar-valued; that is checked when shapes are known.
     */
    public Graph expressions(List<String> texts, String pointer) {
        if (texts.isEmpty()) {
            throw GradientException.at(ErrorCode.MALFORMED_REQUEST, "Expected at least one expression at " + pointer, pointer);
        }
        List<DraftNode> drafts = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<Origin> partOrigins = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            String part = EXPRESSION_OUTPUT + "[" + k + "]";
            ExpressionParser.parse(texts.get(k), Pointer.child(pointer, k), part, name -> false, limits, ops, drafts);
            parts.add(part);
            partOrigins.add(Origin.at(Pointer.child(pointer, k)));
        }
        // the output node gets an id that no name in the expressions can be, so that an input may be called f
        drafts.add(DraftNode.apply(INTERNAL_OUTPUT, OpCalls.find(ops, "vector", Origin.at(pointer)), parts,
                partOrigins, dev.gradient.graph.Attrs.NONE, Origin.at(pointer)));
        String id = usesName(drafts, EXPRESSION_OUTPUT) ? INTERNAL_OUTPUT : EXPRESSION_OUTPUT;
        if (id.equals(EXPRESSION_OUTPUT)) {
            drafts.set(drafts.size() - 1, drafts.get(drafts.size() - 1).renamed(EXPRESSION_OUTPUT));
        }
        return GraphAssembler.assemble(drafts, null, List.of(id), List.of(EXPRESSION_OUTPUT), List.of(Origin.at(pointer)));
    }

    /** A JSON graph, found at {@code pointer}. */
    public Graph graph(JsonNode graph, String pointer) {
        return GraphParser.parse(graph, pointer, limits, ops);
    }
}
