package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code api-spec/openapi.yaml} is the document the service serves. When the API
 * changes, regenerate the file with
 * {@code ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.write=true} and review the diff.
 */
class OpenApiSpecTest extends ApiTest {

    static final Path SPEC = Path.of("api-spec", "openapi.yaml");

    @Test
    void theCommittedSpecIsTheServedSpec() throws IOException {
        HttpApi.Reply reply = api.get("/v3/api-docs.yaml");
        assertThat(reply.status()).isEqualTo(200);
        String served = normalize(reply.body());
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(SPEC.getParent());
            Files.writeString(SPEC, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SPEC)).as("%s exists; write it with -Dopenapi.write=true", SPEC).isTrue();
        assertThat(normalize(Files.readString(SPEC, StandardCharsets.UTF_8)))
                .as("%s is out of date; regenerate it with -Dtest=OpenApiSpecTest -Dopenapi.write=true", SPEC)
                .isEqualTo(served);
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theSpecDocumentsRequestBodiesValuesAndProblems() {
        String spec = api.get("/v3/api-docs.yaml").body();
        assertThat(spec).contains("GradientRequest", "JacobianResponse", "Value:", "Problem:", "application/problem+json",
                "NOT_SCALAR", "/graphs/{id}", "/ops", "/engines");
    }

    /** Line endings and trailing whitespace are not content. */
    static String normalize(String yaml) {
        return yaml.replace("\r\n", "\n").lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip()
                + "\n";
    }
}
