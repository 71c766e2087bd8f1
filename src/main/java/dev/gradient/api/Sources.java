package dev.gradient.api;

import dev.gradient.cache.GraphRegistry;
import dev.gradient.cache.SourceCache;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.error.Pointer;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.parse.GraphReader;
import dev.gradient.parse.Json;
import dev.gradient.parse.SourceParser;
import dev.gradient.security.Tenants;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds the function a request names: exactly one of {@code expression}, {@code graph} or
 * {@code graphId}. Inline sources are parsed once per distinct text and then served from the
 * {@link SourceCache}; ids are looked up in the {@link GraphRegistry} only, in the caller's
 * namespace, so that a deleted graph is gone even while its inline form is still cached, and
 * another tenant's graph is unknown. Inline sources belong to no namespace.
 */
@Component
final class Sources {

    static final String EXPRESSION = "expression";
    static final String GRAPH = "graph";
    static final String GRAPH_ID = "graphId";

    private final SourceParser parser;
    private final SourceCache cache;
    private final GraphRegistry registry;

    Sources(SourceParser parser, SourceCache cache, GraphRegistry registry) {
        this.parser = parser;
        this.cache = cache;
        this.registry = registry;
    }

    /** The function named by the request {@code body}, which must hold exactly one source. */
    ParsedGraph resolve(Body<?> body) {
        String field = exactlyOne(body, List.of(EXPRESSION, GRAPH, GRAPH_ID));
        if (field.equals(GRAPH_ID)) {
            String id = Json.string(body.get(GRAPH_ID), Pointer.child(Pointer.ROOT, GRAPH_ID));
            return registry.find(Tenants.namespace(), id).orElseThrow(() -> unknownGraph(id, Origin.at(Pointer.child(Pointer.ROOT, GRAPH_ID))));
        }
        return inline(body, field);
    }

    /**
     * The answer to an id that names no graph the caller may see, given at {@code origin}
     * ({@code null} for an id in the path).
     */
    static GradientException unknownGraph(String id, Origin origin) {
        String message = "no graph has the id '" + id + "'; POST /graphs registers one";
        return origin == null ? new GradientException(ErrorCode.UNKNOWN_GRAPH, message)
                : new GradientException(ErrorCode.UNKNOWN_GRAPH, message, origin);
    }

    /** The function defined inline in {@code body}: exactly one of {@code expression} or {@code graph}. */
    ParsedGraph resolveInline(Body<?> body) {
        return inline(body, exactlyOne(body, List.of(EXPRESSION, GRAPH)));
    }

    private ParsedGraph inline(Body<?> body, String field) {
        String pointer = Pointer.child(Pointer.ROOT, field);
        if (field.equals(GRAPH)) {
            GraphReader.Source source = body.graph(pointer);
            // the graph's compact text: the same JSON text gives the same key whatever its whitespace
            return cache.get(GRAPH, source.key(), () -> identify(parser.graph(source.tree(), pointer)));
        }
        JsonNode source = body.get(field);
        if (source.isString()) {
            String text = source.asString();
            return cache.get(EXPRESSION, text, () -> identify(parser.expression(text, pointer)));
        }
        if (source.isArray()) {
            List<String> texts = Json.strings(source, pointer);
            // an empty array is refused by the parser, before anything is cached
            return cache.get("expressions", source.toString(), () -> identify(parser.expressions(texts, pointer)));
        }
        throw Json.expected("a string or an array of strings", source, pointer);
    }

    private static ParsedGraph identify(Graph graph) {
        return new ParsedGraph(CanonicalForm.id(graph), graph);
    }

    private static String exactlyOne(Body<?> body, List<String> fields) {
        List<String> present = fields.stream().filter(body::present).toList();
        if (present.size() == 1) {
            return present.get(0);
        }
        String expected = "exactly one of " + String.join(", ", fields.stream().map(f -> "'" + f + "'").toList());
        throw GradientException.at(ErrorCode.MALFORMED_REQUEST, present.isEmpty()
                ? "No function given: expected " + expected
                : "Expected " + expected + " but got " + String.join(" and ", present.stream().map(f -> "'" + f + "'").toList()),
                present.size() > 1 ? Pointer.child(Pointer.ROOT, present.get(1)) : Pointer.ROOT);
    }
}
