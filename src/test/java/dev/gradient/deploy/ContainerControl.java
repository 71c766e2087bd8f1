package dev.gradient.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.testcontainers.DockerClientFactory;

/**
 * What an operator's failures do to a container, by its id: a clean restart, a {@code SIGKILL}
 * (no shutdown of any kind, as a crash or the OOM killer), and starting the same container
 * again, with its volumes. Works on Testcontainers' containers and on compose's alike.
 */
final class ContainerControl {

    private static final Duration WAIT = Duration.ofMinutes(3);

    private ContainerControl() {
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** Stops the container as {@code docker restart} does (SIGTERM, then SIGKILL after 10 s) and starts it again. */
    static void restart(String id) {
        docker().restartContainerCmd(id).withTimeout(10).exec();
    }

    /** Sends the container's main process {@code SIGKILL} and waits until the container has exited. */
    static void kill(String id) {
        docker().killContainerCmd(id).withSignal("SIGKILL").exec();
        await(id, "exited", state -> !Boolean.TRUE.equals(state.getRunning()));
    }

    /** Starts the stopped container again, on the volumes it had. */
    static void start(String id) {
        docker().startContainerCmd(id).exec();
    }

    /** Waits until the container's own health check (its image's or compose's) says healthy. */
    static void awaitHealthy(String id) {
        await(id, "healthy", state -> state.getHealth() != null && "healthy".equals(state.getHealth().getStatus()));
    }

    private static void await(String id, String what, Predicate<InspectContainerResponse.ContainerState> done) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (done.test(docker().inspectContainerCmd(id).exec().getState())) {
                return;
            }
            Pause.briefly();
        }
        throw new IllegalStateException("container " + id + " was not " + what + " within " + WAIT);
    }
}
