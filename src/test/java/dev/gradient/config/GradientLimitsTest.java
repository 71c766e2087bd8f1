package dev.gradient.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The limits bind from {@code gradient.limits.*} with their documented defaults, and nonsense values fail at startup. */
class GradientLimitsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GradientLimits.class, CacheProperties.class})
    static class Limits {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Limits.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            GradientLimits limits = context.getBean(GradientLimits.class);
            assertThat(limits.maxBodySize()).isEqualTo(DataSize.ofMegabytes(16));
            assertThat(limits.maxNodes()).isEqualTo(200_000);
            assertThat(limits.maxElements()).isEqualTo(1_000_000);
            assertThat(limits.maxPoints()).isEqualTo(10_000);
            assertThat(limits.maxExpressionLength()).isEqualTo(65_536);
            assertThat(limits.maxExpressionDepth()).isEqualTo(256);
            assertThat(limits.maxJsonDepth()).isEqualTo(64);
            assertThat(limits.maxCost()).isEqualTo(100_000_000);
            assertThat(limits.maxResultElements()).isEqualTo(2_000_000);
            assertThat(limits.maxRegisteredNodes()).isEqualTo(1_000_000);
            assertThat(context.getBean(CacheProperties.class).maxNodes()).isEqualTo(1_000_000);
        });
    }

    @Test
    void propertiesOverrideTheDefaults() {
        runner.withPropertyValues("gradient.limits.max-body-size=32MB", "gradient.limits.max-nodes=2000000",
                "gradient.cache.max-nodes=0").run(context -> {
                    assertThat(context.getBean(GradientLimits.class).maxBodySize()).isEqualTo(DataSize.ofMegabytes(32));
                    assertThat(context.getBean(GradientLimits.class).buildLimits().maxNodes()).isEqualTo(2_000_000);
                    assertThat(context.getBean(GradientLimits.class).parseLimits().maxNodes()).isEqualTo(2_000_000);
                    assertThat(context.getBean(CacheProperties.class).maxNodes()).isZero();
                });
    }

    @Test
    void aLimitBelowOneFailsAtStartup() {
        runner.withPropertyValues("gradient.limits.max-points=0").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gradient.cache.max-nodes=-1").run(context -> assertThat(context).hasFailed());
    }
}
