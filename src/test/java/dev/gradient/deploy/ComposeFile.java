package dev.gradient.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's {@code docker-compose.yml} as data, for the container tests that run one of its
 * services with Testcontainers and must run it exactly as the file does.
 */
final class ComposeFile {

    private static final Path FILE = Path.of("docker-compose.yml");

    private ComposeFile() {
    }

    /** The {@code command} of the service {@code service}, each argument as written. */
    static List<String> command(String service) {
        Object command = service(service).get("command");
        if (!(command instanceof List<?> arguments)) {
            throw new IllegalStateException(FILE + ": services." + service + ".command is not a list of arguments: " + command);
        }
        return arguments.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        try (Reader reader = Files.newBufferedReader(FILE)) {
            Map<String, Object> file = new Yaml().load(reader);
            Map<String, Object> services = (Map<String, Object>) file.get("services");
            Object service = services.get(name);
            if (!(service instanceof Map<?, ?>)) {
                throw new IllegalStateException(FILE + " has no service " + name);
            }
            return (Map<String, Object>) service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
