package dev.gradient.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.databind.JsonNode;

/** The image built from the project's Dockerfile: it becomes healthy by its own HEALTHCHECK and answers correctly. */
@EnabledWithDocker
class ImageIT {

    static GenericContainer<?> service;

    @BeforeAll
    static void start() {
        // healthy as Docker judges it: the Dockerfile's HEALTHCHECK passed, not only the port
        service = GradientImage.service().waitingFor(Wait.forHealthcheck()
                .withStartupTimeout(java.time.Duration.ofMinutes(3)));
        service.start();
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void theImageRunsAsANonRootUser() {
        String user = service.getContainerInfo().getConfig().getUser();
        assertThat(user).isNotBlank().doesNotStartWith("0").doesNotStartWith("root");
    }

    @Test
    void theContainerAnswersAGradientExactly() {
        Api api = new Api(service.getHost(), service.getMappedPort(8080));
        Api.Reply reply = api.post("/gradient", "{'expression': '(1-x)^2 + 100*(y-x^2)^2', 'at': {'x': -1.2, 'y': 1.0}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode gradient = reply.json().path("gradient");
        // d/dx = -2(1-x) - 400x(y-x^2), d/dy = 200(y-x^2), at (-1.2, 1)
        assertThat(gradient.path("x").asDouble()).isCloseTo(-215.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(gradient.path("y").asDouble()).isCloseTo(-88.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
