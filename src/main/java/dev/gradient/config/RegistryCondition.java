package dev.gradient.config;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches where {@code gradient.registry} names the kind that {@link ConditionalOnRegistry} asks for. */
final class RegistryCondition extends SpringBootCondition {

    private static final String PROPERTY = "gradient.registry";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRegistry.class.getName());
        RegistryProperties.Kind wanted = (RegistryProperties.Kind) attributes.get("value");
        RegistryProperties.Kind configured;
        try {
            configured = Binder.get(context.getEnvironment()).bind(PROPERTY, RegistryProperties.Kind.class)
                    .orElse(RegistryProperties.Kind.MEMORY);
        } catch (BindException e) {
            // no registry then: binding RegistryProperties stops the service with the property's own message
            return ConditionOutcome.noMatch(PROPERTY + " names no kind of registry");
        }
        return configured == wanted ? ConditionOutcome.match(PROPERTY + " is " + configured)
                : ConditionOutcome.noMatch(PROPERTY + " is " + configured + ", not " + wanted);
    }
}
