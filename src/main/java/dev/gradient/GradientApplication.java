package dev.gradient;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Starts the gradient service: automatic differentiation over HTTP. Boot's generated user (and
 * the password it would print) is excluded: callers authenticate with API keys only.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class GradientApplication {

    public static void main(String[] args) {
        SpringApplication.run(GradientApplication.class, args);
    }
}
