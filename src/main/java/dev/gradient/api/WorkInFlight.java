package dev.gradient.api;

import dev.gradient.config.GradientLimits;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The estimated work of all requests running at once, held under one bound. Each request's
 * limits keep it affordable alone; this keeps many affordable requests from being too much
 * together, since a request's intermediate values take up to 8 bytes per element operation of
 * its estimated cost. A request is admitted once its cost is known and before any of its work
 * runs; its share is given back when the request completes ({@link WorkInFlightConfiguration}).
 *
 * <p>A request that waits more than {@link #WAIT_SECONDS} for room is answered 503 with
 * {@code Retry-After}; one that could never fit is a 413, like every other limit.
 */
@Component
class WorkInFlight {

    /** How long a request may wait for others to finish before it is turned away. */
    static final long WAIT_SECONDS = 10;

    /** Element operations per permit: a semaphore counts in ints, costs run to billions. */
    private static final long UNIT = 1024;
    private static final String ADMITTED = WorkInFlight.class.getName() + ".permits";

    private final Semaphore permits;
    private final int allPermits;
    private final long capacity;
    private final long waitMillis;

    @Autowired
    WorkInFlight(GradientLimits limits) {
        this(limits.maxCostInFlight() > 0 ? limits.maxCostInFlight() : heapShare(Runtime.getRuntime().maxMemory()),
                TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    /** A bound of {@code capacity} element operations; a request waits up to {@code waitMillis} for room. */
    WorkInFlight(long capacity, long waitMillis) {
        this.capacity = capacity;
        this.waitMillis = waitMillis;
        this.allPermits = Math.toIntExact(Math.min(Integer.MAX_VALUE, units(capacity)));
        this.permits = new Semaphore(allPermits, true);
    }

    /** The default bound: as many element operations as a quarter of the heap holds 8-byte values. */
    static long heapShare(long maxHeapBytes) {
        return Math.max(UNIT, maxHeapBytes / 4 / Double.BYTES);
    }

    /** The bound, in element operations. */
    long capacity() {
        return capacity;
    }

    /** The estimated element operations of the requests admitted now, as counted: in units of 1,024, rounded up per request. */
    long inFlight() {
        return (allPermits - (long) permits.availablePermits()) * UNIT;
    }

    /** Admits the current request's {@code cost}, waiting for room; released when the request completes. */
    void admit(long cost) {
        if (cost > capacity) {
            throw GradientException.limitExceeded("gradient.limits.max-cost-in-flight", "the request's estimated cost is " + cost
                    + " element operations, more than this service runs at once (" + capacity + ", from its heap)");
        }
        int needed = Math.toIntExact(units(cost));
        try {
            if (!permits.tryAcquire(needed, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new GradientException(ErrorCode.BUSY, "the service is at its bound of work in flight; retry in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradientException(ErrorCode.BUSY, "interrupted while waiting for room to run");
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            permits.release(needed); // not within a request: nothing would give the share back
            return;
        }
        Integer held = (Integer) attributes.getAttribute(ADMITTED, RequestAttributes.SCOPE_REQUEST);
        attributes.setAttribute(ADMITTED, needed + (held == null ? 0 : held), RequestAttributes.SCOPE_REQUEST);
    }

    /** Gives back what {@code request} was admitted with, if anything. */
    void release(HttpServletRequest request) {
        Object held = request.getAttribute(ADMITTED);
        if (held instanceof Integer units) {
            request.removeAttribute(ADMITTED);
            permits.release(units);
        }
    }

    private static long units(long cost) {
        return Math.max(1, (cost + UNIT - 1) / UNIT);
    }
}
