package dev.gradient.engine;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.parse.Values;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's function and point, compiled in process as the service would: for tests that
 * run the conformance cases' functions through the engines directly.
 *
 * @param f the function compiled for the point's shapes
 * @param point a value per input, in {@code f}'s input order
 * @param wrt the request's {@code wrt} (or every input) as input indices
 * @param tangent for a {@code /jvp} request, its tangent per {@code wrt} input; else {@code null}
 */
public record CaseFunction(Compiled f, Tensor[] point, int[] wrt, Tensor[] tangent) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));

    /** Every case of the shared conformance file ({@code conformance/public-cases.json}), in order. */
    public static JsonNode conformanceCases() {
        try (InputStream in = CaseFunction.class.getResourceAsStream("/conformance/public-cases.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every conformance case with derivatives (all but {@code /evaluate}), as JUnit arguments:
     * its id, endpoint and request. For {@code @MethodSource("dev.gradient.engine.CaseFunction#casesWithDerivatives")}.
     */
    public static Stream<Arguments> casesWithDerivatives() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : conformanceCases()) {
            if (!c.path("endpoint").asString().equals("/evaluate")) {
                out.add(Arguments.of(c.path("id").asString(), c.path("endpoint").asString(), c.path("request")));
            }
        }
        return out.stream();
    }

    /** The function, point, {@code wrt} and tangent of {@code request}, a request body of the wire contract. */
    public static CaseFunction of(JsonNode request) {
        Graph graph = parse(request);
        List<String> names = graph.inputNames();
        Shape[] shapes = new Shape[names.size()];
        Tensor[] values = new Tensor[names.size()];
        for (int i = 0; i < names.size(); i++) {
            values[i] = Values.fromJson(request.path("at").get(names.get(i)), "/at/" + names.get(i));
            shapes[i] = values[i].shape();
        }
        Compiled f = new Compiled(GraphCompiler.compile(graph, shapes, BuildLimits.NONE), BuildLimits.NONE);
        Tensor[] point = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            point[f.inputIndex().get(names.get(i))] = values[i];
        }
        JsonNode tangentField = request.get("tangent");
        List<String> wrtNames = new ArrayList<>();
        if (request.has("wrt")) {
            request.get("wrt").forEach(n -> wrtNames.add(n.asString()));
        } else if (tangentField != null) {
            wrtNames.addAll(tangentField.propertyNames());
        } else {
            wrtNames.addAll(names);
        }
        int[] wrt = wrtNames.stream().mapToInt(n -> f.inputIndex().get(n)).toArray();
        Tensor[] tangent = tangentField == null ? null : wrtNames.stream()
                .map(n -> Values.fromJson(tangentField.get(n), "/tangent/" + n)).toArray(Tensor[]::new);
        return new CaseFunction(f, point, wrt, tangent);
    }

    private static Graph parse(JsonNode request) {
        if (request.has("graph")) {
            return PARSER.graph(request.get("graph"), "/graph");
        }
        JsonNode expression = request.get("expression");
        if (expression.isArray()) {
            List<String> texts = new ArrayList<>();
            expression.forEach(e -> texts.add(e.asString()));
            return PARSER.expressions(texts, "/expression");
        }
        return PARSER.expression(expression.asString(), "/expression");
    }
}
