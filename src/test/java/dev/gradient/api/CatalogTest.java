package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.op.MatrixProducts;
import dev.gradient.op.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogTest extends ApiTest {

    @Test
    void opsListsEveryPublicOpWithItsConventions() {
        HttpApi.Reply reply = api.get("/ops");
        assertThat(reply.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode op : reply.json()) {
            names.add(op.path("name").asString());
            assertThat(op.path("arity").path("min").isInt()).isTrue();
            assertThat(op.path("attrs").isArray()).isTrue();
            assertThat(op.path("syntax").asString()).isNotBlank();
            assertThat(op.path("summary").asString()).isNotBlank();
            assertThat(op.path("derivativeConvention").asString()).isNotBlank();
            assertThat(op.path("higherOrderConvention").asString()).isNotBlank();
        }
        assertThat(names).containsExactlyElementsOf(OpRegistry.standard().publicOps().stream().map(o -> o.name()).toList());
        assertThat(names).doesNotContain("broadcast_to", "sum_to");
    }

    @Test
    void opsStateTheirSparsityRule() {
        JsonNode ops = api.get("/ops").json();
        for (JsonNode op : ops) {
            JsonNode sparsity = op.path("sparsity");
            assertThat(sparsity.path("rule").asString()).as(op.path("name").asString()).isNotBlank();
            assertThat(sparsity.path("kind").asString()).as(op.path("name").asString())
                    .isIn("elementwise", "indexing", "reduction", "matrix_product", "composite");
            assertThat(sparsity.path("exact").asBoolean())
                    .isEqualTo(List.of("elementwise", "indexing").contains(sparsity.path("kind").asString()));
        }
        assertThat(find(ops, "sin").path("sparsity").path("kind").asString()).isEqualTo("elementwise");
        assertThat(find(ops, "slice").path("sparsity").path("kind").asString()).isEqualTo("indexing");
        assertThat(find(ops, "sum").path("sparsity").path("kind").asString()).isEqualTo("reduction");
        assertThat(find(ops, "matmul").path("sparsity").path("kind").asString()).isEqualTo("matrix_product");
        assertThat(find(ops, "softmax").path("sparsity").path("kind").asString()).isEqualTo("composite");
    }

    @Test
    void opsDescribeAttributes() {
        JsonNode sum = find(api.get("/ops").json(), "sum");
        assertThat(sum.path("attrs").path(0).path("name").asString()).isEqualTo("axis");
        assertThat(sum.path("attrs").path(0).path("type").asString()).isEqualTo("int");
        assertThat(sum.path("attrs").path(0).path("required").asBoolean()).isFalse();
    }

    @Test
    void enginesListsForwardAndReverseButNotAuto() {
        HttpApi.Reply reply = api.get("/engines");
        assertThat(reply.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode engine : reply.json()) {
            names.add(engine.path("name").asString());
            assertThat(engine.path("description").asString()).isNotBlank();
        }
        assertThat(names).contains("forward", "reverse").doesNotContain("auto");
    }

    @Test
    void enginesSayWhichBlasRunsTheirMatrixProducts() {
        for (JsonNode engine : api.get("/engines").json()) {
            assertThat(engine.path("blas").asString()).as(engine.path("name").asString())
                    .isEqualTo(MatrixProducts.implementation()).startsWith("dev.ludovic.netlib.blas.");
        }
    }

    private static JsonNode find(JsonNode ops, String name) {
        for (JsonNode op : ops) {
            if (op.path("name").asString().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no op " + name);
    }
}
