package dev.gradient;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the gradient service: automatic differentiation over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GradientApplication {

    public static void main(String[] args) {
        SpringApplication.run(GradientApplication.class, args);
    }
}
