package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.GradientException;
import dev.gradient.tensor.Tensor;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A graph read from a stream: its constants are tensors, not trees, and its key ignores whitespace. */
class GraphReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private GraphReader.Source read(String text, ArrayLimits limits) {
        try (JsonParser parser = json.createParser(text.replace('\'', '"'))) {
            parser.nextToken();
            return GraphReader.read(parser, "/graph", limits);
        }
    }

    @Test
    void constantsAreReadIntoTensorsAndTheRestIntoTheTree() {
        GraphReader.Source source = read("{'nodes': [{'id': 'c', 'const': [[1, 2], [3, 4]]}, {'id': 's', 'op': 'sum',"
                + " 'args': ['c'], 'attrs': {'axis': 0}}], 'outputs': ['s']}", new ArrayLimits(100, 64));
        JsonNode constant = source.tree().path("nodes").path(0).path("const");
        assertThat(constant.isPojo()).isTrue();
        assertThat(Values.fromJson(constant, "/graph/nodes/0/const")).isEqualTo(
                Values.fromJson(json.readTree("[[1, 2], [3, 4]]"), ""));
        assertThat(source.tree().path("nodes").path(1).path("attrs").path("axis").asInt()).isZero();
        assertThat(source.tree().path("outputs").path(0).asString()).isEqualTo("s");
    }

    @Test
    void theKeyIsTheSameWhateverTheWhitespaceAndDiffersWithTheConstants() {
        String compact = "{'nodes':[{'id':'c','const':[1,2.5]}],'outputs':['c']}";
        String spaced = "{ 'nodes' : [ { 'id' : 'c' ,\n 'const' : [ 1 , 2.5 ] } ] , 'outputs' : [ 'c' ] }";
        ArrayLimits limits = new ArrayLimits(100, 64);
        assertThat(read(spaced, limits).key()).isEqualTo(read(compact, limits).key());
        assertThat(read(compact.replace("2.5", "2.25"), limits).key()).isNotEqualTo(read(compact, limits).key());
    }

    @Test
    void aConstantPastTheLimitIsRefusedWhenTheParserReachesIt() {
        GraphReader.Source source = read("{'nodes': [{'id': 'c', 'const': [1, 2, 3, 4, 5]}], 'outputs': ['c']}",
                new ArrayLimits(4, 64));
        JsonNode constant = source.tree().path("nodes").path(0).path("const");
        assertThatThrownBy(() -> Values.fromJson(constant, "/graph/nodes/0/const"))
                .isInstanceOf(GradientException.class).hasMessageContaining("has 5 elements; the limit is 4");
        Tensor ok = Values.fromJson(read("{'nodes': [{'id': 'c', 'const': 7}], 'outputs': ['c']}",
                new ArrayLimits(4, 64)).tree().path("nodes").path(0).path("const"), "");
        assertThat(ok.get(0)).isEqualTo(7);
    }
}
