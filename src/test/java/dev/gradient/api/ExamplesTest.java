package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs each example of {@code examples/} (and the Java one, on the generated client) as its
 * own process against the service on its random port, and checks that it found its function's
 * minimum (1, 1): Rosenbrock's, or the NumPy example's least-squares fit. An example whose interpreter this machine lacks is skipped, saying so;
 * {@code .ci/run} installs them all, so that CI runs every one.
 */
class ExamplesTest extends ApiTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Pattern MINIMUM = Pattern.compile("minimum: x=(\\S+) y=(\\S+) ");

    @Test
    void theCurlExampleFindsTheMinimum() throws Exception {
        requireTools("bash", "curl", "jq");
        assertFindsTheMinimum("bash", EXAMPLES.resolve("rosenbrock.sh").toString());
    }

    @Test
    void thePythonExampleFindsTheMinimum() throws Exception {
        requireTools("python3");
        assertFindsTheMinimum("python3", EXAMPLES.resolve("rosenbrock.py").toString());
    }

    @Test
    void theNumpyExampleFindsTheMinimumWithBinaryArrays() throws Exception {
        requireTools("python3");
        assumeTrue(succeeds("python3", "-c", "import numpy"), "NumPy is not installed for python3 here: skipping this example");
        assertFindsTheMinimum("python3", EXAMPLES.resolve("least_squares_numpy.py").toString());
    }

    @Test
    void theScipyExampleFindsTheMinimumWithHessianVectorProducts() throws Exception {
        requireTools("python3");
        assumeTrue(succeeds("python3", "-c", "import numpy, scipy.optimize"),
                "NumPy and SciPy are not installed for python3 here: skipping this example");
        assertFindsTheMinimum("python3", EXAMPLES.resolve("newton_cg_scipy.py").toString());
    }

    @Test
    void theNodeExampleFindsTheMinimum() throws Exception {
        requireTools("node");
        assertFindsTheMinimum("node", EXAMPLES.resolve("rosenbrock.mjs").toString());
    }

    @Test
    void theJavaClientExampleFindsTheMinimum() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertFindsTheMinimum(java, "-cp", System.getProperty("java.class.path"), "dev.gradient.examples.Rosenbrock");
    }

    private void assertFindsTheMinimum(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(Arrays.asList(command));
        line.add("http://localhost:" + port);
        Path output = Files.createTempFile("example", ".out");
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            // a guard against a hung example, not a measurement: each finishes in seconds
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.isAlive()).as("still running after 120 s: %s", printed).isFalse();
            assertThat(process.exitValue()).as(printed).isZero();
            Matcher minimum = MINIMUM.matcher(printed);
            assertThat(minimum.find()).as("prints the minimum: %s", printed).isTrue();
            assertThat(Double.parseDouble(minimum.group(1))).as(printed).isCloseTo(1.0, within(1e-3));
            assertThat(Double.parseDouble(minimum.group(2))).as(printed).isCloseTo(1.0, within(1e-3));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean succeeds(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static void requireTools(String... tools) {
        for (String tool : tools) {
            assumeTrue(onPath(tool), () -> tool + " is not installed here: skipping this example (.ci/run installs it)");
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, tool)).anyMatch(Files::isExecutable);
    }
}
