package dev.gradient.cache;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Puts the service's caches' meters under {@code gradient.}: Micrometer's Caffeine binder names
 * them {@code cache.gets}, {@code cache.evictions} and so on, and this makes them
 * {@code gradient.cache.gets} ({@code gradient_cache_gets_total} to Prometheus) and so on, for
 * the caches whose {@code cache} tag starts with {@code gradient.}, so that every meter of the
 * service is found under one prefix. Other caches' meters keep their names.
 */
final class GradientCacheMeterNames implements MeterFilter {

    private static final String CACHE_METERS = "cache.";
    private static final String PREFIX = "gradient.";

    @Override
    public Meter.Id map(Meter.Id id) {
        String cache = id.getTag("cache");
        if (id.getName().startsWith(CACHE_METERS) && cache != null && cache.startsWith(PREFIX)) {
            return id.withName(PREFIX + id.getName());
        }
        return id;
    }
}
