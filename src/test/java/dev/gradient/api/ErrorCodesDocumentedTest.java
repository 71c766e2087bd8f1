package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.error.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The codes that the README and the committed OpenAPI document name are exactly those of
 * {@link ErrorCode}. The README's table is generated from the enum: rewrite it with
 * {@code ./mvnw test -Dtest=ErrorCodesDocumentedTest -Derrorcodes.write=true}. The spec's lists
 * are generated when it is served (OpenApiSpecTest keeps the committed file equal to that).
 */
class ErrorCodesDocumentedTest {

    static final Path README = Path.of("README.md");
    static final String BEGIN = "<!-- error codes: generated from dev.gradient.error.ErrorCode by ErrorCodesDocumentedTest -->";
    static final String END = "<!-- end of error codes -->";

    /** A code as the documents write one: upper-case words joined by underscores. */
    private static final Pattern CODE_LIKE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)+\\b");

    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::name)
            .collect(Collectors.toSet());

    /** The README's table: one row per code, in the enum's order. */
    static String table() {
        StringBuilder table = new StringBuilder(BEGIN).append("\n| code | status | when |\n| --- | --- | --- |\n");
        for (ErrorCode code : ErrorCode.values()) {
            table.append("| `").append(code.name()).append("` | ").append(code.status()).append(" | ")
                    .append(code.description()).append(" |\n");
        }
        return table.append(END).toString();
    }

    @Test
    void theReadmesTableIsGeneratedFromTheEnum() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the markers of the error code table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = readme.substring(begin, end + END.length());
        if (Boolean.getBoolean("errorcodes.write")) {
            Files.writeString(README, readme.replace(current, table()), StandardCharsets.UTF_8);
            current = table();
        }
        assertThat(current).as("README.md's error codes are out of date; rewrite them with"
                + " -Dtest=ErrorCodesDocumentedTest -Derrorcodes.write=true").isEqualTo(table());
    }

    @Test
    void theReadmeAndTheSpecNameNoCodeThatDoesNotExist() throws IOException {
        for (Path document : List.of(README, OpenApiSpecTest.SPEC)) {
            Set<String> unknown = new TreeSet<>();
            Matcher m = CODE_LIKE.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!CODES.contains(m.group()) && !isEnvironmentVariable(m.group())) {
                    unknown.add(m.group());
                }
            }
            assertThat(unknown).as("codes in %s that ErrorCode does not have", document).isEmpty();
        }
    }

    @Test
    void theSpecsProblemSchemaListsEveryCode() {
        OpenAPI spec = new OpenAPIV3Parser().read(OpenApiSpecTest.SPEC.toString());
        Schema<?> problem = spec.getComponents().getSchemas().get("Problem");
        String description = ((Schema<?>) problem.getProperties().get("code")).getDescription();
        assertThat(description).contains(CODES);
    }

    @Test
    void everyProblemExampleHasItsCodesStatusTypeAndTitle() {
        OpenAPI spec = new OpenAPIV3Parser().read(OpenApiSpecTest.SPEC.toString());
        List<Map<?, ?>> problems = new ArrayList<>();
        spec.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().values().forEach(response -> {
                    MediaType media = response.getContent() == null ? null
                            : response.getContent().get("application/problem+json");
                    if (media != null && media.getExamples() != null) {
                        media.getExamples().values().forEach(example -> problems.add(
                                io.swagger.v3.core.util.Json.mapper().convertValue(example.getValue(), Map.class)));
                    }
                })));
        assertThat(problems).isNotEmpty();
        for (Map<?, ?> problem : problems) {
            ErrorCode code = ErrorCode.valueOf((String) problem.get("code"));
            assertThat(problem.get("status")).as("%s", problem).isEqualTo(code.status());
            assertThat(problem.get("type")).as("%s", problem).isEqualTo(code.type());
            assertThat(problem.get("title")).as("%s", problem).isEqualTo(code.title());
        }
    }

    /** The README's configuration tables also show environment variables, such as GRADIENT_LIMITS_MAX_NODES. */
    private static boolean isEnvironmentVariable(String word) {
        return word.startsWith("GRADIENT_") || word.startsWith("SPRING_") || word.startsWith("JAVA_")
                || word.startsWith("JAZZER_") || word.startsWith("OPENBLAS_") || word.equals("OUT_OF_SERVICE");
    }
}
