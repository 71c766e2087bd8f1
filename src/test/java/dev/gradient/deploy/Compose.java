package dev.gradient.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local Docker Compose command ({@code docker compose}, or the older {@code docker-compose})
 * run on the project's {@code docker-compose.yml} under one project name, with the environment
 * that the file reads (GRADIENT_IMAGE, GRADIENT_PORT).
 */
final class Compose {

    private final List<String> command;
    private final String project;
    private final Map<String, String> environment;

    private Compose(List<String> command, String project, Map<String, String> environment) {
        this.command = command;
        this.project = project;
        this.environment = environment;
    }

    /** The first Compose command that answers, if any. */
    static Optional<Compose> find(String project, Map<String, String> environment) {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            Compose compose = new Compose(candidate, project, environment);
            try {
                compose.run("version");
                return Optional.of(compose);
            } catch (IllegalStateException e) {
                // not installed (or not working): try the next one
            }
        }
        return Optional.empty();
    }

    /** Runs {@code compose -p project -f docker-compose.yml args...}; throws with its output where it fails. */
    String run(String... args) {
        List<String> line = new ArrayList<>(command);
        if (!args[0].equals("version")) {
            line.addAll(List.of("-p", project, "-f", "docker-compose.yml"));
        }
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
