/**
 * What an operator sees of each request: a request id (taken from {@code X-Request-Id} when it
 * is a sane token, else generated) echoed in the response and in every problem, one structured
 * log line per request through Spring Boot's structured logging, and the request meters (engine
 * time per product and engine, points per request). The HTTP layer notes the request's facts in
 * {@link dev.gradient.telemetry.RequestFacts}; a Tomcat valve, which sees every request before
 * any filter and after the last, writes the line and records the meters.
 *
 * <p>May import: {@code dev.gradient.config}, {@code org.springframework}, {@code
 * org.apache.catalina}, {@code jakarta.servlet}, {@code io.micrometer}, {@code org.slf4j}.
 */
package dev.gradient.telemetry;
