package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.telemetry.Scrapes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The work in flight and its bound are gauges: a request admitted and not yet completed shows in them. */
class WorkInFlightMetersTest extends ApiTest {

    @Autowired
    WorkInFlight work;

    private double scraped(String series) {
        return Scrapes.scraped(api, series);
    }

    @Test
    void admittedWorkShowsUntilItIsReleased() {
        assertThat(scraped("gradient_work_capacity_operations")).isEqualTo((double) work.capacity());
        double idle = scraped("gradient_work_in_flight_operations");
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            // 10,000 operations are 10 units of 1,024, rounded up
            work.admit(10_000);
            assertThat(scraped("gradient_work_in_flight_operations")).isEqualTo(idle + 10 * 1024);
        } finally {
            work.release(request);
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(scraped("gradient_work_in_flight_operations")).isEqualTo(idle);
    }
}
