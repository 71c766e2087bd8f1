package dev.gradient.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code gradient.registry} picks exactly one registry configuration; without it, the in-process one. */
class RegistrySelectionTest {

    record Chosen(RegistryProperties.Kind kind) {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRegistry(RegistryProperties.Kind.MEMORY)
    static class Memory {
        @Bean
        Chosen chosen() {
            return new Chosen(RegistryProperties.Kind.MEMORY);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRegistry(RegistryProperties.Kind.REDIS)
    static class Redis {
        @Bean
        Chosen chosen() {
            return new Chosen(RegistryProperties.Kind.REDIS);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Memory.class, Redis.class);

    @Test
    void withoutThePropertyTheRegistryIsInProcess() {
        runner.run(context -> assertThat(context.getBean(Chosen.class).kind()).isEqualTo(RegistryProperties.Kind.MEMORY));
    }

    @Test
    void thePropertyNamesTheRegistryInAnyCase() {
        runner.withPropertyValues("gradient.registry=redis")
                .run(context -> assertThat(context.getBean(Chosen.class).kind()).isEqualTo(RegistryProperties.Kind.REDIS));
        runner.withPropertyValues("gradient.registry=MEMORY")
                .run(context -> assertThat(context.getBean(Chosen.class).kind()).isEqualTo(RegistryProperties.Kind.MEMORY));
    }

    @Test
    void aMisspeltKindCreatesNoRegistry() {
        runner.withPropertyValues("gradient.registry=mongo")
                .run(context -> assertThat(context).doesNotHaveBean(Chosen.class));
    }
}
