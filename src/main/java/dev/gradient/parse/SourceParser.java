package dev.gradient.parse;

import dev.gradient.graph.Graph;
import dev.gradient.graph.Origin;
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

    private final ParseLimits limits;

    /** A parser that enforces {@code limits}. */
    public SourceParser(ParseLimits limits) {
        this.limits = limits;
    }

    /** One expression, found at {@code pointer}: inputs in order of first appearance, one output named {@code f}. */
    public Graph expression(String text, String pointer) {
        List<DraftNode> drafts = new ArrayList<>();
        ExpressionParser.parse(text, pointer, EXPRESSION_OUTPUT, name -> false, limits, drafts);
        return GraphAssembler.assemble(drafts, null, List.of(EXPRESSION_OUTPUT), List.of(Origin.at(pointer)));
    }

    /**
     * Several expressions, found at {@code pointer}: one output {@code f}, their stack, of
     * shape {@code [k]}. Each must be scalar-valued; that is checked when shapes are known.
     */
    public Graph expressions(List<String> texts, String pointer) {
        if (texts.isEmpty()) {
            throw new MalformedRequestException("Expected at least one expression at " + pointer, pointer);
        }
        List<DraftNode> drafts = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<Origin> partOrigins = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            String part = EXPRESSION_OUTPUT + "[" + k + "]";
            ExpressionParser.parse(texts.get(k), pointer + "/" + k, part, name -> false, limits, drafts);
            parts.add(part);
            partOrigins.add(Origin.at(pointer + "/" + k));
        }
        drafts.add(DraftNode.apply(EXPRESSION_OUTPUT, OpCalls.find("vector", Origin.at(pointer)), parts,
                partOrigins, dev.gradient.graph.Attrs.NONE, Origin.at(pointer)));
        return GraphAssembler.assemble(drafts, null, List.of(EXPRESSION_OUTPUT), List.of(Origin.at(pointer)));
    }

    /** A JSON graph, found at {@code pointer}. */
    public Graph graph(JsonNode graph, String pointer) {
        return GraphParser.parse(graph, pointer, limits);
    }
}
