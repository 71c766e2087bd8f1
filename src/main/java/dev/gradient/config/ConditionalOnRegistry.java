package dev.gradient.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Creates the annotated configuration or bean only where {@code gradient.registry} names
 * {@link #value()}, or where it is absent and the value is {@code MEMORY}: the one place that
 * decides which graph registry runs. The in-process registry's configuration and the shared
 * one's each carry it with their kind.
 *
 * <p>A property condition rather than a missing-bean one: that would depend on the order in
 * which the configurations are read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(RegistryCondition.class)
public @interface ConditionalOnRegistry {

    /** The kind of registry the annotated configuration provides. */
    RegistryProperties.Kind value();
}
