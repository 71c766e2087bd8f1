package dev.gradient.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.codegen.Compilation;
import dev.gradient.codegen.CompileSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * {@code gradient.compile.*} binds with the defaults that {@code dev.gradient.codegen} documents,
 * nonsense fails at startup, and the configured compilation is the one programs are made with.
 */
class CompilePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CompileProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class, CompileConfiguration.class);

    @Test
    void theDefaultsAreTheCodeGeneratorsOwn() {
        runner.run(context -> assertThat(context.getBean(CompileProperties.class).settings())
                .isEqualTo(CompileSettings.DEFAULTS));
    }

    @Test
    void theConfiguredCompilationIsShared() {
        Compilation previous = Compilation.shared();
        try {
            runner.withPropertyValues("gradient.compile.threshold=7", "gradient.compile.enabled=false",
                    "gradient.compile.reverse-sweeps=false").run(context -> {
                assertThat(Compilation.shared()).isSameAs(context.getBean(Compilation.class));
                assertThat(Compilation.shared().settings().threshold()).isEqualTo(7);
                assertThat(Compilation.shared().settings().enabled()).isFalse();
                assertThat(Compilation.shared().settings().reverseSweeps()).isFalse();
            });
        } finally {
            Compilation.install(previous);
        }
    }

    @Test
    void nonsenseFailsAtStartup() {
        runner.withPropertyValues("gradient.compile.threshold=-1").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gradient.compile.max-nodes=100000").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gradient.compile.queue-size=0").run(context -> assertThat(context).hasFailed());
    }
}
