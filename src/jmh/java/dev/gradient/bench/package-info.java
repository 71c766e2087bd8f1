/**
 * JMH benchmarks of the engines and the products built on them, run by {@code ./mvnw -Pbench clean
 * verify}. Each class measures the two sides of one ratio in the same run; docs/PERFORMANCE.md
 * reports the ratios and how to rerun each. {@code HttpLoad} and {@code Soak} are HTTP load
 * clients for a started service on loopback; docs/SECURITY.md reports the soak.
 */
package dev.gradient.bench;
