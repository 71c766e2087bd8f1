package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The C source of {@code POST /derivative}, compiled with the machine's gcc and run at seeded
 * random points, prints the engine's gradient to 1e-12 relative. Skips, saying so, where gcc is
 * missing ({@code .ci/run} installs it).
 */
class DerivativeCSourceTest extends ApiTest {

    private static final long SEED = Long.getLong("gradient.test.seed", 20261201L);
    private static final String HARNESS = """
            #include <stdio.h>
            #include <stdlib.h>
            void derivative(const double *in, double *out);
            int main(int argc, char **argv) {
                double in[2], out[2];
                in[0] = strtod(argv[1], 0);
                in[1] = strtod(argv[2], 0);
                derivative(in, out);
                printf("%.17g\\n%.17g\\n", out[0], out[1]);
                return 0;
            }
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsGcc() {
        boolean found;
        try {
            found = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        Assumptions.assumeTrue(found, "gcc is not installed: the C source of /derivative is not compiled here (.ci/run"
                + " installs gcc)");
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void theCompiledSourcePrintsTheEnginesGradient(int which) throws IOException, InterruptedException {
        String function = SymbolicDerivativeEndpointTest.FUNCTIONS.get(which);
        JsonNode formula = ok("/derivative", "{'expression': '" + function + "', 'forms': ['c']}");
        Path source = Files.writeString(dir.resolve("d" + which + ".c"), formula.path("c").path("source").asString());
        Path harness = Files.writeString(dir.resolve("main" + which + ".c"), HARNESS);
        Path binary = dir.resolve("d" + which);
        run(List.of("gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-o", binary.toString(), source.toString(),
                harness.toString(), "-lm"));
        Random random = new Random(SEED + which);
        for (int p = 0; p < 5; p++) {
            double x1 = 0.2 + 2 * random.nextDouble();
            double x2 = 0.2 + 2 * random.nextDouble();
            List<String> printed = run(new ArrayList<>(List.of(binary.toString(), Double.toString(x1), Double.toString(x2))));
            ObjectNode request = HttpApi.JSON.createObjectNode();
            request.put("expression", function);
            request.putObject("at").put("x1", x1).put("x2", x2);
            JsonNode gradient = ok("/gradient", request).path("gradient");
            String what = function + " at (" + x1 + ", " + x2 + "), seed " + SEED;
            for (int k = 0; k < 2; k++) {
                double expected = gradient.path(k == 0 ? "x1" : "x2").asDouble();
                assertThat(Double.parseDouble(printed.get(k))).as(what)
                        .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            }
        }
    }
}
