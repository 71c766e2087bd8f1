/**
 * Who may call the service and how often: optional API keys that name a tenant (whose
 * registered graphs no other tenant sees), and token-bucket rate limits per tenant or, without
 * keys, per client address, whose refusals are counted for operators. With no keys configured
 * the service is open, as it always was.
 *
 * <p>May import: {@code dev.gradient.config}, {@code dev.gradient.error}, {@code
 * org.springframework}, {@code jakarta.servlet}, {@code io.github.bucket4j}, {@code
 * com.github.benmanes.caffeine}, {@code io.micrometer}.
 */
package dev.gradient.security;
