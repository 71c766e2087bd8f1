package dev.gradient.deploy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady traffic of a few client threads, each mixing registrations of new graphs with
 * gradients by id of graphs it registered, until it is stopped or has sent its bound in all.
 * Every answer is checked: a registration must be 2xx, a gradient 200 with the exact values
 * (the graphs are {@code x * k + y}, whose gradient is {@code (k, 1)}); anything else, or no
 * answer, is a failure, kept with what it was.
 */
final class SteadyTraffic {

    /** One in this many requests registers a new graph; the others ask gradients by id. */
    private static final int REGISTER_EVERY = 3;
    /** The pause of each thread between its requests, so that the traffic is steady rather than a flood. */
    private static final Duration PAUSE = Duration.ofMillis(5);

    /** What the traffic did, once stopped. */
    record Tally(int requests, int registrations, int gradients, List<String> failures, Map<String, Integer> registered,
            long slowestMillis) {
    }

    private final Api api;
    private final int maxRequests;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger nextFactor = new AtomicInteger(2);
    private final AtomicLong slowest = new AtomicLong();
    private final Map<String, Integer> registered = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile long startedNanos;

    /** Traffic on {@code api} from {@code threadCount} threads, at most {@code maxRequests} requests in all. */
    SteadyTraffic(Api api, int threadCount, int maxRequests) {
        this.api = api;
        this.maxRequests = maxRequests;
        for (int t = 0; t < threadCount; t++) {
            long seed = 0x5eed0000L + t;
            threads.add(new Thread(() -> run(new Random(seed)), "traffic-" + t));
        }
    }

    void start() {
        startedNanos = System.nanoTime();
        threads.forEach(Thread::start);
    }

    /** Requests answered (or failed) so far. */
    int completed() {
        return completed.get();
    }

    /** Waits until {@code count} requests are done, or the bound is reached, for at most {@code patience}. */
    void awaitCompleted(int count, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (completed.get() < Math.min(count, maxRequests) && Instant.now().isBefore(deadline)) {
            Pause.briefly();
        }
        if (completed.get() < Math.min(count, maxRequests)) {
            throw new IllegalStateException("only " + completed.get() + " of " + count + " requests done within " + patience);
        }
    }

    /** Stops every thread after its request in flight; what they did. */
    Tally stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Tally(completed.get(), registrations.get(), completed.get() - registrations.get(),
                List.copyOf(failures), Map.copyOf(registered), slowest.get());
    }

    private void run(Random random) {
        Map<String, Integer> mine = new HashMap<>();
        List<String> ids = new ArrayList<>();
        while (!stopping.get() && sent.incrementAndGet() <= maxRequests) {
            long start = System.nanoTime();
            try {
                if (ids.isEmpty() || random.nextInt(REGISTER_EVERY) == 0) {
                    register(mine, ids);
                } else {
                    String id = ids.get(random.nextInt(ids.size()));
                    gradient(id, mine.get(id));
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                fail("no answer: " + e.getMessage());
            }
            slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            completed.incrementAndGet();
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Keeps a failure with when it happened, in milliseconds since the start and requests done before it. */
    private void fail(String what) {
        failures.add(String.format("at %d ms, after %d requests: %s", (System.nanoTime() - startedNanos) / 1_000_000,
                completed.get(), what));
    }

    private void register(Map<String, Integer> mine, List<String> ids) {
        int factor = nextFactor.getAndIncrement();
        registrations.incrementAndGet();
        Api.Reply reply = api.post("/graphs", "{'expression': 'x * " + factor + " + y'}");
        if (reply.status() / 100 != 2) {
            fail("registering x * " + factor + " + y: " + reply.status() + " " + reply.body());
            return;
        }
        String id = reply.json().path("graphId").asString();
        mine.put(id, factor);
        ids.add(id);
        registered.put(id, factor);
    }

    private void gradient(String id, int factor) {
        Api.Reply reply = api.post("/gradient", "{'graphId': '" + id + "', 'at': {'x': 0.5, 'y': 2}}");
        if (reply.status() != 200) {
            fail("gradient of " + id + ": " + reply.status() + " " + reply.body());
        } else if (reply.json().path("gradient").path("x").asDouble() != factor
                || reply.json().path("gradient").path("y").asDouble() != 1.0) {
            fail("gradient of " + id + " (x * " + factor + " + y) was " + reply.body());
        }
    }
}
