package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SciPy's large-scale solvers converge on the service's derivatives (issue 12's proof):
 * {@code trust-krylov} on the chained Rosenbrock function of 10,000 variables with {@code hessp}
 * from {@code /hvp}, and {@code trust-constr} on a control problem of 2,000 variables with sparse
 * constraint Jacobians and Lagrangian Hessians from the sparse formats, each to its known
 * solution ({@code src/test/python/scipy_solvers.py}, which first checks the service's numbers
 * against independent references). Skipped with a message where python3 has no NumPy or SciPy;
 * {@code .ci/run} installs them and fails if this was skipped.
 */
class ScipySolversTest extends ApiTest {

    private static final Path SCRIPT = Path.of("src", "test", "python", "scipy_solvers.py");

    @Test
    void trustKrylovFindsTheMinimumOfTheChainedRosenbrockFunction() throws Exception {
        JsonNode found = solve("trust-krylov");
        assertThat(found.path("max_error").asDouble()).as(found.toString()).isLessThan(1e-6);
        assertThat(found.path("calls").path("/hvp").asInt()).as("hessp came from /hvp").isPositive();
    }

    @Test
    void trustConstrFindsTheKnownSolutionOfASparselyConstrainedProblem() throws Exception {
        JsonNode found = solve("trust-constr");
        assertThat(found.path("u_max_error").asDouble()).as(found.toString()).isLessThan(1e-5);
        assertThat(found.path("q_relative_error").asDouble()).as(found.toString()).isLessThan(1e-4);
        assertThat(found.path("calls").path("/jacobian").asInt()).as("the constraint Jacobian came from /jacobian").isPositive();
    }

    private JsonNode solve(String method) throws IOException, InterruptedException {
        assumeTrue(scipyIsThere(), "python3 with NumPy and SciPy is not installed here: skipping the SciPy solver tests"
                + " (.ci/run installs them)");
        Path output = Files.createTempFile("scipy", ".out");
        try {
            Process process = new ProcessBuilder("python3", SCRIPT.toString(), method, "http://localhost:" + port)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            // a guard against a hung solver, not a measurement: each takes seconds
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.isAlive()).as("still running after 300 s: %s", printed).isFalse();
            assertThat(process.exitValue()).as(printed).isZero();
            String[] lines = printed.strip().split("\n");
            JsonNode found = HttpApi.JSON.readTree(lines[lines.length - 1]);
            assertThat(found.path("converged").asBoolean()).as(printed).isTrue();
            return found;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean scipyIsThere() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy, scipy.optimize, scipy.sparse")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }
}
