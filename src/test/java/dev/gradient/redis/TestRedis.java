package dev.gradient.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Redis for the store's tests: a {@code redis-server} from the PATH (Debian's
 * {@code redis-server} package) on a free loopback port, started in a moment, else a
 * Testcontainers {@code redis:7-alpine} where a Docker engine answers (as in CI), else none, and
 * the tests that need it are skipped with a message saying so. Each client it hands out has its own connection, as each replica has.
 */
final class TestRedis implements AutoCloseable {

    private final String host;
    private final int port;
    private final AutoCloseable server;

    private TestRedis(String host, int port, AutoCloseable server) {
        this.host = host;
        this.port = port;
        this.server = server;
    }

    /** A running Redis, or the calling tests are skipped (aborted) with the reason. */
    static TestRedis start() {
        Optional<Path> binary = onPath("redis-server");
        if (binary.isPresent()) {
            return local(binary.get());
        }
        Assumptions.assumeTrue(dockerAnswers(), "Skipped: neither a redis-server on the PATH nor a Docker engine is"
                + " available, so the Redis registry's scripts cannot be tested against a real Redis (install"
                + " redis-server, or start Docker)");
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                .withExposedPorts(6379).waitingFor(Wait.forListeningPort());
        container.start();
        return new TestRedis(container.getHost(), container.getMappedPort(6379), container::stop);
    }

    /** A client of its own, as a replica has, on a connection of its own. */
    StringRedisTemplate client() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        connections.afterPropertiesSet();
        connections.start();
        return new StringRedisTemplate(connections);
    }

    /** Forgets every key, so that each test starts from an empty Redis. */
    void flush() {
        StringRedisTemplate redis = client();
        try {
            redis.execute(connection -> {
                connection.serverCommands().flushAll();
                return null;
            }, true);
        } finally {
            ((LettuceConnectionFactory) redis.getRequiredConnectionFactory()).destroy();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }

    private static TestRedis local(Path binary) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitListening(process, port);
            return new TestRedis("127.0.0.1", port, () -> {
                process.destroy();
                process.waitFor();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(Process process, int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 20 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
