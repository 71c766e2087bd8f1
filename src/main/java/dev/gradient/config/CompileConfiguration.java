package dev.gradient.config;

import dev.gradient.codegen.Compilation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the service's {@link Compilation}, made from {@code gradient.compile.*}, as the
 * shared instance that compiled functions and reverse passes take theirs from: programs made
 * after start-up (every request's) compile by the configured policy.
 */
@Configuration(proxyBeanMethods = false)
class CompileConfiguration {

    @Bean
    Compilation compilation(CompileProperties properties) {
        Compilation compilation = new Compilation(properties.settings());
        Compilation.install(compilation);
        return compilation;
    }
}
