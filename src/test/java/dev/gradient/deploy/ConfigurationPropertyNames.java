package dev.gradient.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties the service binds: Spring Boot's, from the configuration
 * metadata of every jar on the class path, and gradient's, from the components of the
 * {@code @ConfigurationProperties} records in {@code dev.gradient.config}. It answers whether an
 * environment variable names one of them, mapped as Spring Boot maps it (upper case, {@code _}
 * for {@code .}, dashes dropped).
 */
final class ConfigurationPropertyNames {

    private final Set<String> uniformNames;

    private ConfigurationPropertyNames(Set<String> uniformNames) {
        this.uniformNames = uniformNames;
    }

    /** Spring Boot's properties and the gradient records' properties. */
    static ConfigurationPropertyNames load() {
        Set<String> names = new HashSet<>();
        springMetadata(names);
        gradientRecords(names);
        return new ConfigurationPropertyNames(names);
    }

    /** Whether an environment variable ({@code GRADIENT_REGISTRY}) binds to a known property. */
    boolean bindsEnvironmentVariable(String variable) {
        return uniformNames.contains(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** Whether a property ({@code spring.data.redis.host}) is known. */
    boolean contains(String property) {
        return uniformNames.contains(uniform(property));
    }

    private static String uniform(String property) {
        return property.toLowerCase(Locale.ROOT).replace("-", "");
    }

    private static void springMetadata(Set<String> names) {
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(ClassLoader.getSystemClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : mapper.readTree(in).path("properties")) {
                        names.add(uniform(property.path("name").asString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void gradientRecords(Set<String> names) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.gradient.config")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    names.add(uniform(prefix + "." + component.getName()));
                }
            }
        }
    }
}
