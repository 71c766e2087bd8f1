package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.testing.Seeds;
import dev.gradient.testing.SmallestFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The graph id is a function of the graph, not of how its nodes were listed: seeded random
 * JSON graphs, with op nodes and expression nodes, get the same id when their nodes are
 * shuffled and when they come back through JSON text.
 *
 * <p>The seeds are fixed ({@link Seeds}); {@code -Dgradient.seed=<seed>} replays a failing
 * seed first, or runs other cases. A failure names the smallest failing graph of that seed.
 */
class CanonicalIdIsStableTest {

    private static final int TRIES = 200;
    private static final int MAX_SIZE = 30;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String[] OPS = {"add", "mul", "sin", "exp", "sub"};

    private final SourceParser parser = new SourceParser(new ParseLimits(10_000, 64, 100_000));

    static Stream<Long> seeds() {
        return Seeds.first(TRIES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonicalIdIsStableUnderNodeReordering(long seed) {
        SmallestFailure.check(seed, Seeds.sizeOf(seed, MAX_SIZE),
                size -> MAPPER.writeValueAsString(graph(nodes(seed, size))),
                size -> assertStableId(seed, nodes(seed, size)));
    }

    private void assertStableId(long seed, List<ObjectNode> nodes) {
        ObjectNode graph = graph(nodes);
        String id = CanonicalForm.id(parser.graph(graph, "/graph"));
        List<ObjectNode> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, new Random(~seed));
        assertThat(CanonicalForm.id(parser.graph(graph(shuffled), "/graph")))
                .as("id with the nodes in the order %s", shuffled.stream().map(n -> n.get("id").asString()).toList())
                .isEqualTo(id);
        // and through JSON text, as a client would send it again
        String text = MAPPER.writeValueAsString(graph);
        assertThat(CanonicalForm.id(parser.graph(MAPPER.readTree(text), "/graph"))).as("id through JSON text").isEqualTo(id);
    }

    /** The nodes {@code n0 .. n(size-1)}, each drawn after the ones before it, so that a smaller size gives a prefix. */
    private static List<ObjectNode> nodes(long seed, int size) {
        Random random = new Random(seed);
        List<ObjectNode> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("x", "y"));
        for (int i = 0; i < size; i++) {
            String op = OPS[random.nextInt(OPS.length)];
            ObjectNode node = JSON.objectNode().put("id", "n" + i);
            if (random.nextInt(5) == 0) {
                node.put("expr", pick(random, names) + " * 2 - cos(" + pick(random, names) + ")");
            } else {
                node.put("op", op);
                ArrayNode args = node.putArray("args");
                int arity = op.equals("sin") || op.equals("exp") ? 1 : 2;
                for (int j = 0; j < arity; j++) {
                    args.add(pick(random, names));
                }
            }
            nodes.add(node);
            names.add("n" + i);
        }
        return nodes;
    }

    private static String pick(Random random, List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    /** A graph of inputs {@code x} and {@code y} and {@code nodes}, whose output is the last node drawn. */
    private static ObjectNode graph(List<ObjectNode> nodes) {
        ObjectNode graph = JSON.objectNode();
        ArrayNode inputs = graph.putArray("inputs");
        inputs.addObject().put("name", "x");
        inputs.addObject().put("name", "y");
        ArrayNode list = graph.putArray("nodes");
        nodes.forEach(list::add);
        graph.putArray("outputs").add("n" + (nodes.size() - 1));
        return graph;
    }
}
