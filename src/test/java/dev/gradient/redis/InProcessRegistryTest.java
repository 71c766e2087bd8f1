package dev.gradient.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.cache.GraphRegistry;
import dev.gradient.cache.InMemoryGraphRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Without configuration the registry is in process: nothing of the shared one exists, and health needs no Redis. */
@SpringBootTest
class InProcessRegistryTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    HealthEndpoint health;

    @Test
    void theDefaultRegistryIsInProcessAndNoStoreIsCreated() {
        assertThat(context.getBean(GraphRegistry.class)).isInstanceOf(InMemoryGraphRegistry.class);
        assertThat(context.getBeansOfType(GraphStore.class)).isEmpty();
    }

    @Test
    void healthIsUpWithoutRedis() {
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }
}
