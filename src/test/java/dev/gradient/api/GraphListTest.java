package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /graphs} without API keys: everyone is one tenant, which lists every registered
 * graph, and query parameters that are not valid are 400 problems that name them.
 */
class GraphListTest extends ApiTest {

    @Test
    void withoutKeysTheListHoldsEveryRegisteredGraphWithTheDefaultQuota() {
        HttpApi.Reply registered = api.post("/graphs", "{\"expression\": \"tanh(x) * 7 + atan(y)\"}");
        assertThat(registered.status()).isIn(200, 201);
        String id = registered.json().path("graphId").asString();
        boolean found = false;
        String query = "/graphs?limit=1000";
        for (int page = 0; page < 100 && !found; page++) {
            JsonNode list = api.get(query).json();
            for (JsonNode g : list.path("graphs")) {
                found |= g.path("graphId").asString().equals(id)
                        && g.path("nodeCount").asInt() == registered.json().path("nodeCount").asInt();
            }
            assertThat(list.path("usage").path("maxNodes").asLong()).isEqualTo(1_000_000L);
            if (list.path("nextCursor").isNull()) {
                break;
            }
            query = "/graphs?limit=1000&cursor=" + list.path("nextCursor").asString();
        }
        assertThat(found).as("graph %s is listed", id).isTrue();
        assertThat(api.delete("/graphs/" + id).status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "1e3", "99999999999999"})
    void aLimitOutsideOneToAThousandIsA400NamingIt(String limit) {
        JsonNode problem = problem(api.get("/graphs?limit=" + limit), 400, "MALFORMED_REQUEST");
        assertThat(problem.path("parameter").asString()).isEqualTo("limit");
        assertThat(problem.path("detail").asString()).contains("1 to 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-base64!", "Wg", "", "eHl6"})
    void aCursorThatNoPageGaveIsA400NamingIt(String cursor) {
        JsonNode problem = problem(api.get("/graphs?cursor=" + cursor), 400, "MALFORMED_REQUEST");
        assertThat(problem.path("parameter").asString()).isEqualTo("cursor");
    }
}
