package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The graph id is a function of the graph, not of how its nodes were listed. */
class CanonicalHashProperties {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SourceParser parser = new SourceParser(new ParseLimits(10_000, 64, 100_000));

    @Property(tries = 100)
    void canonicalHashIsStableUnderNodeReordering(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
        Random random = new Random(seed);
        List<ObjectNode> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("x", "y"));
        String[] ops = {"add", "mul", "sin", "exp", "sub"};
        for (int i = 0; i < size; i++) {
            String op = ops[random.nextInt(ops.length)];
            ObjectNode node = JSON.objectNode().put("id", "n" + i);
            if (random.nextInt(5) == 0) {
                node.put("expr", names.get(random.nextInt(names.size())) + " * 2 - cos(" + names.get(random.nextInt(names.size())) + ")");
            } else {
                node.put("op", op);
                ArrayNode args = node.putArray("args");
                int arity = op.equals("sin") || op.equals("exp") ? 1 : 2;
                for (int j = 0; j < arity; j++) {
                    args.add(names.get(random.nextInt(names.size())));
                }
            }
            nodes.add(node);
            names.add("n" + i);
        }
        ObjectNode graph = graph(nodes, "n" + (size - 1));
        List<ObjectNode> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, random);
        String id = CanonicalForm.id(parser.graph(graph, "/graph"));
        assertThat(CanonicalForm.id(parser.graph(graph(shuffled, "n" + (size - 1)), "/graph"))).isEqualTo(id);
        // and through JSON text, as a client would send it again
        String text = JsonMapper.builder().build().writeValueAsString(graph);
        assertThat(CanonicalForm.id(parser.graph(JsonMapper.builder().build().readTree(text), "/graph"))).isEqualTo(id);
    }

    private static ObjectNode graph(List<ObjectNode> nodes, String output) {
        ObjectNode graph = JSON.objectNode();
        ArrayNode inputs = graph.putArray("inputs");
        inputs.addObject().put("name", "x");
        inputs.addObject().put("name", "y");
        ArrayNode list = graph.putArray("nodes");
        nodes.forEach(list::add);
        graph.putArray("outputs").add(output);
        return graph;
    }
}
