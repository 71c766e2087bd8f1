package dev.gradient.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one soak worker saw: per kind of request, every latency and every unexpected status
 * (with the first body that came with it). One per thread, merged at the end, so that
 * recording takes no lock.
 */
final class SoakTally {

    private static final int MAX_SAMPLES = 4_000_000;

    private final Map<SoakKind, long[]> latencies = new EnumMap<>(SoakKind.class);
    private final Map<SoakKind, Integer> counts = new EnumMap<>(SoakKind.class);
    private final Map<String, Integer> unexpected = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>();

    void record(SoakKind kind, long nanos) {
        long[] samples = latencies.computeIfAbsent(kind, k -> new long[1024]);
        int count = counts.getOrDefault(kind, 0);
        if (count == MAX_SAMPLES) {
            return;
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
            latencies.put(kind, samples);
        }
        samples[count] = nanos;
        counts.put(kind, count + 1);
    }

    /** A status other than the expected one; {@code what} names the request and the status. */
    void unexpected(String what, String body) {
        unexpected.merge(what, 1, Integer::sum);
        examples.putIfAbsent(what, body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    /** The latencies of {@code kind} over every tally, sorted. */
    static long[] sortedLatencies(SoakKind kind, Iterable<SoakTally> tallies) {
        long[] all = new long[0];
        for (SoakTally tally : tallies) {
            int count = tally.counts.getOrDefault(kind, 0);
            if (count > 0) {
                int from = all.length;
                all = Arrays.copyOf(all, from + count);
                System.arraycopy(tally.latencies.get(kind), 0, all, from, count);
            }
        }
        Arrays.sort(all);
        return all;
    }

    /** Every unexpected status over {@code tallies}, with its count and one body. */
    static Map<String, String> unexpected(Iterable<SoakTally> tallies) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        for (SoakTally tally : tallies) {
            tally.unexpected.forEach((what, n) -> counts.merge(what, n, Integer::sum));
            tally.examples.forEach(examples::putIfAbsent);
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((what, n) -> out.put(what, n + " times, e.g. " + examples.get(what)));
        return out;
    }
}
