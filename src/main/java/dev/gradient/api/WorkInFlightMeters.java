package dev.gradient.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Reports {@link WorkInFlight} as the gauges {@value #IN_FLIGHT} (the estimated element operations
 * of the requests running now) and {@value #CAPACITY} (its bound): their ratio is how close the
 * service is to making requests wait. Requests in flight by count are Spring's own
 * {@code http_server_requests_active_seconds_active_count}.
 */
@Component
class WorkInFlightMeters {

    /** Prometheus shows {@code gradient_work_in_flight_operations}. */
    static final String IN_FLIGHT = "gradient.work.in.flight";
    /** Prometheus shows {@code gradient_work_capacity_operations}. */
    static final String CAPACITY = "gradient.work.capacity";

    WorkInFlightMeters(WorkInFlight work, MeterRegistry meters) {
        Gauge.builder(CAPACITY, work, WorkInFlight::capacity).baseUnit("operations")
                .description("Estimated element operations that may run at once").register(meters);
        Gauge.builder(IN_FLIGHT, work, WorkInFlight::inFlight).baseUnit("operations")
                .description("Estimated element operations of the requests running now").register(meters);
    }
}
