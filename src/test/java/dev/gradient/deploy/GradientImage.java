package dev.gradient.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The service's image, built once per test run from the project's own {@code Dockerfile} and
 * the jar that {@code package} made, and the containers the tests start from it.
 */
final class GradientImage {

    /** The name the tests (and the compose test, through GRADIENT_IMAGE) run the image under. */
    static final String NAME = "gradient:it";
    /** The Redis image that docker-compose.yml uses. */
    static final DockerImageName REDIS = DockerImageName.parse("redis:7-alpine");

    private static String built;

    private GradientImage() {
    }

    /** Builds the image the first time it is asked for; its name. */
    static synchronized String name() {
        if (built == null) {
            Path jar = jar();
            // a build context of exactly what the Dockerfile copies, as .dockerignore makes it for users
            built = new ImageFromDockerfile(NAME, false)
                    .withFileFromPath("Dockerfile", Path.of("Dockerfile"))
                    .withFileFromPath("target/" + jar.getFileName(), jar)
                    .get();
        }
        return built;
    }

    /** A container of the service, not started, that waits for the service to answer its health endpoint. */
    static GenericContainer<?> service() {
        return new GenericContainer<>(DockerImageName.parse(name()))
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/actuator/health").forStatusCode(200)
                        .withStartupTimeout(java.time.Duration.ofMinutes(3)));
    }

    /** A container of the service on {@code network} with the shared registry in the Redis called {@code redis} there. */
    static GenericContainer<?> replica(Network network) {
        return service().withNetwork(network)
                .withEnv("GRADIENT_REGISTRY", "redis")
                .withEnv("SPRING_DATA_REDIS_HOST", "redis");
    }

    /** A Redis container on {@code network}, known there as {@code redis}. */
    static GenericContainer<?> redis(Network network) {
        return new GenericContainer<>(REDIS).withNetwork(network).withNetworkAliases("redis")
                .withExposedPorts(6379).waitingFor(Wait.forListeningPort());
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("gradient-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/gradient-*.jar: the container tests run"
                            + " in verify, after package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
