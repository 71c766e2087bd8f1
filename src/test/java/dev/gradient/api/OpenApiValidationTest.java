package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed spec is valid OpenAPI (swagger-parser's validation with every reference
 * resolved, not only a parse) and made for code generators: every operation has an
 * operationId, a tag, a summary, a description and examples, and every 4xx answers the
 * problem schema as {@code application/problem+json}.
 */
class OpenApiValidationTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void theCommittedSpecValidates() throws IOException {
        SwaggerParseResult result = parse(Files.readString(OpenApiSpecTest.SPEC, StandardCharsets.UTF_8));
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void theValidatorRejectsADanglingReferenceAndAnUnknownField() throws IOException {
        String spec = Files.readString(OpenApiSpecTest.SPEC, StandardCharsets.UTF_8);
        String dangling = spec.replaceFirst("#/components/schemas/GradientResponse", "#/components/schemas/Nowhere");
        String unknownField = spec.replaceFirst("\n      operationId: gradient\n", "\n      operationId: gradient\n      returns: x\n");
        assertThat(parse(dangling).getMessages()).anySatisfy(m -> assertThat(m).contains("Nowhere"));
        assertThat(parse(unknownField).getMessages()).anySatisfy(m -> assertThat(m).contains("returns"));
    }

    @Test
    void everyOperationIsNamedTaggedDescribedAndHasExamples() throws IOException {
        List<String> missing = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        forEachOperation((where, op) -> {
            if (op.getOperationId() == null || !operationIds.add(op.getOperationId())) {
                missing.add(where + ": a unique operationId");
            }
            if (op.getTags() == null || op.getTags().isEmpty()) {
                missing.add(where + ": a tag");
            }
            if (blank(op.getSummary()) || blank(op.getDescription())) {
                missing.add(where + ": a summary and a description");
            }
            if (op.getRequestBody() != null
                    && op.getRequestBody().getContent().values().stream().anyMatch(m -> !hasExample(m))) {
                missing.add(where + ": a request example");
            }
            op.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null
                        && response.getContent().values().stream().anyMatch(m -> !hasExample(m))) {
                    missing.add(where + " " + status + ": a response example");
                }
            });
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void every4xxResponseIsAProblem() throws IOException {
        List<String> wrong = new ArrayList<>();
        forEachOperation((where, op) -> op.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") && !isProblem(response)) {
                wrong.add(where + " " + status);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPostAnswersProblemsFor400413415And422() throws IOException {
        forEachOperation((where, op) -> {
            if (where.startsWith("POST")) {
                assertThat(op.getResponses()).as(where).containsKeys("400", "413", "415", "422");
            }
        });
    }

    private static boolean isProblem(ApiResponse response) {
        if (response.getContent() == null || response.getContent().size() != 1) {
            return false;
        }
        MediaType media = response.getContent().get("application/problem+json");
        return media != null && media.getSchema() != null && PROBLEM_REF.equals(media.getSchema().get$ref());
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private interface OperationCheck {
        void check(String where, Operation operation);
    }

    private static void forEachOperation(OperationCheck check) throws IOException {
        OpenAPI api = parse(Files.readString(OpenApiSpecTest.SPEC, StandardCharsets.UTF_8)).getOpenAPI();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<io.swagger.v3.oas.models.PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                check.check(e.getKey() + " " + path, e.getValue());
            }
        });
    }

    private static SwaggerParseResult parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(yaml, null, options);
    }
}
