package dev.gradient.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.api.ApiTest;
import dev.gradient.api.HttpApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * With API keys: each tenant's registry quota (the default, and one set on a tenant's key), the
 * 413 problem that says what the tenant holds, and {@code GET /graphs} listing the caller's own
 * graphs only, page by page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradient.security.api-keys[0].tenant=acme",
        "gradient.security.api-keys[0].sha256=" + ApiKeysOverHttpTest.ACME_SHA256,
        "gradient.security.api-keys[0].max-registered-nodes=" + TenantQuotasOverHttpTest.ACME_QUOTA,
        "gradient.security.api-keys[1].tenant=globex",
        "gradient.security.api-keys[1].sha256=" + ApiKeysOverHttpTest.GLOBEX_SHA256,
        "gradient.tenants.max-registered-nodes=" + TenantQuotasOverHttpTest.DEFAULT_QUOTA})
class TenantQuotasOverHttpTest extends ApiTest {

    /** Four graphs of the form {@code x * c + y} (5 nodes each) fit, not five. */
    static final int ACME_QUOTA = 22;
    /** Twenty such graphs fit. */
    static final int DEFAULT_QUOTA = 100;
    private static final int NODES = 5;

    private HttpApi acme() {
        return api.withKey("acme-key");
    }

    private HttpApi globex() {
        return api.withKey("globex-key");
    }

    private static String graph(int c) {
        return "{\"expression\": \"x * " + c + " + y\"}";
    }

    private static String register(HttpApi tenant, int c) {
        HttpApi.Reply reply = tenant.post("/graphs", graph(c));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        assertThat(reply.json().path("nodeCount").asInt()).isEqualTo(NODES);
        return reply.json().path("graphId").asString();
    }

    /** Every graph id that GET /graphs lists for {@code tenant}, following the cursor with pages of {@code size}. */
    private static List<String> listAll(HttpApi tenant, int size) {
        List<String> ids = new ArrayList<>();
        String query = "/graphs?limit=" + size;
        for (int page = 0; page < 100; page++) {
            HttpApi.Reply reply = tenant.get(query);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode graphs = reply.json().path("graphs");
            assertThat(graphs.size()).isLessThanOrEqualTo(size);
            graphs.forEach(g -> ids.add(g.path("graphId").asString()));
            JsonNode next = reply.json().path("nextCursor");
            if (next.isNull()) {
                return ids;
            }
            query = "/graphs?limit=" + size + "&cursor=" + next.asString();
        }
        throw new AssertionError("GET /graphs did not reach a last page in 100 pages");
    }

    @Test
    void aTenantPastItsQuotaGetsA413ThatSaysWhatItHoldsAndKeepsNothing() {
        List<String> kept = new ArrayList<>();
        for (int c = 100; c < 104; c++) {
            kept.add(register(acme(), c));
        }
        HttpApi.Reply reply = acme().post("/graphs", graph(104));
        JsonNode problem = problem(reply, 413, "LIMIT_EXCEEDED");
        assertThat(problem.path("limit").asString()).isEqualTo("gradient.tenants.max-registered-nodes");
        assertThat(problem.path("tenant").asString()).isEqualTo("acme");
        assertThat(problem.path("usedNodes").asLong()).isEqualTo(4L * NODES);
        assertThat(problem.path("maxNodes").asLong()).isEqualTo(ACME_QUOTA);
        assertThat(problem.path("graphNodes").asLong()).isEqualTo(NODES);
        assertThat(problem.path("detail").asString()).contains("quota is " + ACME_QUOTA);
        assertThat(listAll(acme(), 10)).containsExactlyInAnyOrderElementsOf(kept);

        // the default quota is globex's, and acme's full one takes nothing from it
        register(globex(), 104);

        assertThat(acme().delete("/graphs/" + kept.get(0)).status()).isEqualTo(204);
        String added = register(acme(), 104);
        assertThat(listAll(acme(), 10)).contains(added).doesNotContain(kept.get(0)).hasSize(4);
        kept.subList(1, 4).forEach(id -> acme().delete("/graphs/" + id));
        acme().delete("/graphs/" + added);
    }

    @Test
    void aTenantListsItsOwnGraphsOnlyPageByPageInOrderOfId() {
        List<String> mine = new ArrayList<>();
        for (int c = 200; c < 211; c++) {
            mine.add(register(globex(), c));
        }
        String theirs = register(acme(), 200);
        List<String> listed = listAll(globex(), 3);
        assertThat(listed).containsAll(mine).doesNotHaveDuplicates().isSorted();
        assertThat(listAll(acme(), 3)).contains(theirs).doesNotContainAnyElementsOf(
                mine.stream().filter(id -> !id.equals(theirs)).toList());

        JsonNode page = globex().get("/graphs?limit=3").json();
        assertThat(page.path("graphs").get(0).path("nodeCount").asInt()).isEqualTo(NODES);
        assertThat(page.path("graphs").get(0).path("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(page.path("usage").path("maxNodes").asLong()).isEqualTo(DEFAULT_QUOTA);
        assertThat(page.path("usage").path("graphs").asLong()).isEqualTo(listed.size());
        assertThat(page.path("usage").path("nodes").asLong()).isEqualTo((long) NODES * listed.size());
        assertThat(acme().get("/graphs").json().path("usage").path("maxNodes").asLong()).isEqualTo(ACME_QUOTA);
        mine.forEach(id -> globex().delete("/graphs/" + id));
        acme().delete("/graphs/" + theirs);
    }

    @Test
    void listingNeedsAKey() {
        problem(api.get("/graphs"), 401, "UNAUTHORIZED");
    }
}
