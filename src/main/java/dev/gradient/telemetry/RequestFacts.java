package dev.gradient.telemetry;

import java.util.function.Function;

/**
 * The facts of the request being answered on this thread that its log line and meters report:
 * its id, its tenant, the engine that ran, how many points, and how long the computation took.
 * The request valve opens one for each request and closes it when the request is answered; the
 * HTTP layer notes facts into {@link #current()}, which outside a request (a unit test, a
 * background thread) is an inert holder that notes nothing.
 *
 * <p>The computation's time runs from the moment its work is admitted (its cost checked and
 * room found among the work in flight) to the moment the response body starts being written:
 * the engine's sweeps over every point and the collection of their results, but neither reading
 * the body nor writing the response. Used on the request's thread only.
 */
public final class RequestFacts {

    private static final ThreadLocal<RequestFacts> CURRENT = new ThreadLocal<>();
    private static final RequestFacts NONE = new RequestFacts(null);

    private final String id;
    private String tenant;
    private String engine;
    private int points = -1;
    private boolean admitted;
    private long admittedAt;
    private long computeNanos = -1;

    private RequestFacts(String id) {
        this.id = id;
    }

    /** Opens the facts of a request with id {@code id} on this thread, until {@link #close()}. */
    static RequestFacts open(String id) {
        RequestFacts facts = new RequestFacts(id);
        CURRENT.set(facts);
        return facts;
    }

    /** Forgets this thread's request. */
    void close() {
        CURRENT.remove();
    }

    /** The facts of the request being answered on this thread; an inert holder outside one. */
    public static RequestFacts current() {
        RequestFacts facts = CURRENT.get();
        return facts == null ? NONE : facts;
    }

    /** The request's id, or {@code null} outside a request. */
    public String id() {
        return id;
    }

    /** Notes {@code engine}, named {@code name}, as the engine the request runs, and returns it. */
    public <E> E engine(E engine, Function<E, String> name) {
        if (this != NONE) {
            this.engine = name.apply(engine);
        }
        return engine;
    }

    /** Notes that the request's work over {@code points} points was admitted and starts now; only the first call counts. */
    public void admitted(int points) {
        if (this != NONE && !admitted) {
            this.admitted = true;
            this.points = points;
            this.admittedAt = System.nanoTime();
        }
    }

    /** Notes that the computation is over: its answer is about to be written. Only the first call counts. */
    void computed() {
        if (admitted && computeNanos < 0) {
            computeNanos = System.nanoTime() - admittedAt;
        }
    }

    /** Notes the tenant whose key the request presented, the first time it is known. */
    void tenant(String tenant) {
        if (this != NONE && this.tenant == null) {
            this.tenant = tenant;
        }
    }

    String tenant() {
        return tenant;
    }

    /** The engine that ran, or {@code null} where the request chose none (no work, or every engine). */
    String engine() {
        return engine;
    }

    /** The points the request ran, or -1 where it ran none. */
    int points() {
        return points;
    }

    /** Whether the request's work was admitted. */
    boolean admitted() {
        return admitted;
    }

    /** Whether the computation reached its answer (rather than failing part way). */
    boolean completed() {
        return computeNanos >= 0;
    }

    /** How long the computation took, in nanoseconds: to its answer, or where it failed, to {@code now}. */
    long computeNanos(long now) {
        return computeNanos >= 0 ? computeNanos : now - admittedAt;
    }
}
