package dev.gradient.deploy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a container test only where a Docker engine answers, and skips it with a message that
 * says so elsewhere: a user's {@code ./mvnw verify} passes without Docker, and CI
 * ({@code .ci/run}) fails when these tests were skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledWithDocker.Condition.class)
@interface EnabledWithDocker {

    /** The condition behind the annotation. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason;
            try {
                if (DockerClientFactory.instance().isDockerAvailable()) {
                    return ConditionEvaluationResult.enabled("a Docker engine is available");
                }
                reason = "no Docker engine is available";
            } catch (RuntimeException e) {
                // an engine answered but cannot be used here, such as one that cannot pull Testcontainers' own images
                reason = "the Docker engine cannot be used (" + e.getMessage() + ")";
            }
            return ConditionEvaluationResult.disabled("Skipped: " + reason + ", so the container tests of the image,"
                    + " the shared registry and docker-compose.yml cannot run (start Docker to run them)");
        }
    }
}
