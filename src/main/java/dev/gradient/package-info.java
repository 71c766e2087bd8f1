/**
 * Starts the service: Spring Boot finds the configurations of every package below.
 *
 * <p>May import: {@code org.springframework}.
 */
package dev.gradient;
