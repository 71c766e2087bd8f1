package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.engine.CaseFunction;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Responses as {@code application/json+base64}: the same response as plain JSON, field for
 * field, with every value a float64 binary array whose elements are bit for bit the doubles
 * that the plain response's numbers read back as. Plain JSON stays the default.
 */
class Base64ResponsesTest extends ApiTest {

    private static final String BASE64 = "application/json+base64";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CaseFunction.conformanceCases()) {
            out.add(Arguments.of(c.path("id").asString(), c));
        }
        return out.stream();
    }

    private HttpApi.Reply post(String path, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return api.send(accept == null ? request : request.header("Accept", accept));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyValueIsTheBinaryFormOfThePlainOne(String id, JsonNode c) {
        String path = c.path("endpoint").asString();
        String request = c.path("request").toString();
        HttpApi.Reply plain = post(path, null, request);
        HttpApi.Reply binary = post(path, BASE64, request);
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(binary.status()).as(binary.body()).isEqualTo(200);
        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(binary.contentType()).startsWith(BASE64);
        int values = BinaryArrays.sameUpToForm(plain.json(), binary.json(), "");
        assertThat(values).as("binary arrays in %s", binary.body()).isPositive();
    }

    @Test
    void nonFiniteValuesTravelAsTheirBits() {
        HttpApi.Reply binary = post("/gradient", BASE64, "{\"expression\": \"log(x) + 0 * log(-x)\", \"at\": {\"x\": 0}}");
        JsonNode r = binary.json();
        assertThat(BinaryArrays.decode(r.path("value")).values()).containsExactly(Double.NaN);
        HttpApi.Reply infinite = post("/gradient", BASE64, "{\"expression\": \"log(x)\", \"at\": {\"x\": 0}}");
        assertThat(BinaryArrays.decode(infinite.json().path("value")).values()).containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(BinaryArrays.decode(infinite.json().path("gradient").path("x")).values())
                .containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void theClientsPreferenceDecidesAndPlainJsonIsTheDefault() {
        String body = "{\"expression\": \"x * 2\", \"at\": {\"x\": [1, 2]}}";
        assertThat(post("/evaluate", "*/*", body).json().path("outputs").path("f").isArray()).isTrue();
        assertThat(post("/evaluate", "application/json", body).contentType()).startsWith("application/json");
        HttpApi.Reply preferred = post("/evaluate", "application/json;q=0.5, " + BASE64, body);
        assertThat(preferred.contentType()).startsWith(BASE64);
        assertThat(BinaryArrays.decode(preferred.json().path("outputs").path("f")).values()).containsExactly(2.0, 4.0);
    }

    @Test
    void aProblemIsStillAProblem() {
        HttpApi.Reply reply = post("/gradient", BASE64, "{\"expression\": \"x + y\", \"at\": {\"x\": 1}}");
        assertThat(pointer(problem(reply, 422, "MISSING_INPUT"))).isEqualTo("/at");
    }

    @Test
    void anEndpointWithoutValuesSaysItCannotAnswerInThatForm() {
        HttpApi.Reply reply = api.send(HttpRequest.newBuilder(api.uri("/ops")).header("Accept", BASE64).GET());
        assertThat(reply.status()).as(reply.body()).isEqualTo(406);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
