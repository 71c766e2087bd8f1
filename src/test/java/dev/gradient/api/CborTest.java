package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Requests and responses as {@code application/cbor}: the conformance requests sent as CBOR
 * answer what they answer as JSON, with every value a binary array whose data is a CBOR byte
 * string, bit for bit; a request's binary arrays may carry byte strings too; and errors stay
 * JSON problems with the same pointers.
 */
class CborTest extends ApiTest {

    private static final String CBOR = "application/cbor";
    private static final CBORMapper MAPPER = CBORMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();

    private record Answer(int status, String contentType, byte[] body) {

        JsonNode cbor() {
            return MAPPER.readTree(body);
        }

        JsonNode json() {
            return HttpApi.JSON.readTree(body);
        }
    }

    private Answer post(String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", CBOR).header("Accept", CBOR)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gradient.api.Base64ResponsesTest#cases")
    void aCborRequestGetsTheJsonAnswerInCbor(String id, JsonNode c) {
        String path = c.path("endpoint").asString();
        HttpApi.Reply plain = api.post(path, c.path("request"));
        Answer cbor = post(path, MAPPER.writeValueAsBytes(c.path("request")));
        assertThat(cbor.status()).as("%s", cbor.contentType()).isEqualTo(200);
        assertThat(cbor.contentType()).startsWith(CBOR);
        assertThat(BinaryArrays.sameUpToForm(plain.json(), cbor.cbor(), "")).isPositive();
    }

    @Test
    void binaryArraysMayCarryByteStrings() {
        ByteBuffer bytes = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(new double[] {1, -2, 0.5});
        ObjectNode request = (ObjectNode) json("{'expression': 'sum(x * x)', 'at': {'x': {'dtype': 'float64', 'shape': [3]}}}");
        ((ObjectNode) request.path("at").path("x")).put("data", bytes.array());
        Answer answer = post("/gradient", MAPPER.writeValueAsBytes(request));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode r = answer.cbor();
        assertThat(r.path("gradient").path("x").path("data").isBinary()).isTrue();
        assertThat(BinaryArrays.decode(r.path("gradient").path("x")).values()).containsExactly(2.0, -4.0, 1.0);
        assertThat(BinaryArrays.decode(r.path("value")).values()).containsExactly(5.25);
    }

    @Test
    void cborNestedPastTheJsonDepthLimitIsA413() {
        String deep = "[".repeat(100) + "1" + "]".repeat(100);
        Answer answer = post("/evaluate", MAPPER.writeValueAsBytes(json("{'expression': 'x', 'at': {'x': " + deep + "}}")));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("limit").asString()).isEqualTo("gradient.limits.max-json-depth");
    }

    @Test
    void errorsAreJsonProblemsThatPointAsForJson() {
        ObjectNode request = (ObjectNode) json("{'expression': 'sum(x)', 'at': {'x': {'dtype': 'float64', 'shape': [3]}}}");
        ((ObjectNode) request.path("at").path("x")).put("data", new byte[16]);
        Answer answer = post("/gradient", MAPPER.writeValueAsBytes(request));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").path(0).path("pointer").asString()).isEqualTo("/at/x/data");
        Answer garbage = post("/gradient", new byte[] {(byte) 0xbf, 0x61});
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().path("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }
}
