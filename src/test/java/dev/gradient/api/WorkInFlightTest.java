package dev.gradient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class WorkInFlightTest {

    private final WorkInFlight work = new WorkInFlight(10 * 1024, 0);
    private MockHttpServletRequest first;

    @BeforeEach
    void inARequest() {
        first = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(first));
    }

    @AfterEach
    void outOfTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRequestLargerThanEverythingAtOnceIsALimitNotAWait() {
        assertThatThrownBy(() -> work.admit(10 * 1024 + 1)).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.limit()).isEqualTo("gradient.limits.max-cost-in-flight"));
    }

    @Test
    void requestsShareTheBoundAndGiveItBackWhenTheyComplete() {
        work.admit(6 * 1024);
        MockHttpServletRequest second = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(second));
        assertThatThrownBy(() -> work.admit(6 * 1024)).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
        work.admit(4 * 1024);
        work.release(first);
        work.release(second);
        work.admit(10 * 1024); // everything was given back
    }

    @Test
    void theDefaultBoundIsAQuarterOfTheHeapInDoubles() {
        assertThat(WorkInFlight.heapShare(8L << 30)).isEqualTo((8L << 30) / 4 / 8);
    }
}
