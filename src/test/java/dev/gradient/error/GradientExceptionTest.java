package dev.gradient.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a problem carries besides its code: where it is, which limit, when to retry, and what caused it. */
class GradientExceptionTest {

    @Test
    void aClientsMistakeHasNoStackTraceButAWrappedFailureKeepsIt() {
        assertThat(new GradientException(ErrorCode.CYCLE, "a cycle").getStackTrace()).isEmpty();
        GradientException down = GradientException.causedBy(ErrorCode.REGISTRY_UNAVAILABLE, "Redis is down",
                new IOException("refused"));
        assertThat(down.getStackTrace()).isNotEmpty();
        assertThat(down.getCause()).hasMessage("refused");
    }

    @Test
    void aLimitNamesItsPropertyAndHasNoPlace() {
        GradientException e = GradientException.limitExceeded("gradient.limits.max-nodes", "too many nodes");
        assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(e.limit()).isEqualTo("gradient.limits.max-nodes");
        assertThat(e.origin()).isNull();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertThat(GradientException.retryAfter(ErrorCode.RATE_LIMITED, "wait", 0).retryAfterSeconds()).isEqualTo(1);
        assertThat(GradientException.retryAfter(ErrorCode.RATE_LIMITED, "wait", 720).retryAfterSeconds()).isEqualTo(720);
        assertThat(new GradientException(ErrorCode.BUSY, "busy").retryAfterSeconds()).isZero();
    }

    @Test
    void aProblemFoundInsideAPartIsPlacedWhereThePartWasWritten() {
        GradientException op = new GradientException(ErrorCode.SHAPE_MISMATCH, "shapes [2] and [3] do not broadcast");
        GradientException placed = op.locatedAt(Origin.at("/graph/nodes/1"), "node 'y': " + op.getMessage());
        assertThat(placed.code()).isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(placed.origin()).isEqualTo(Origin.at("/graph/nodes/1"));
        assertThat(placed.getMessage()).isEqualTo("node 'y': shapes [2] and [3] do not broadcast");
        assertThat(placed.withMessage("again").origin()).isEqualTo(placed.origin());
        assertThat(GradientException.at(ErrorCode.MALFORMED_REQUEST, "bad", "/at").origin()).isEqualTo(Origin.at("/at"));
    }
}
