package dev.gradient.api;

import dev.gradient.config.GradientLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a request body with the streaming reader, as {@link BodyConverter} does for a
 * {@code /gradient} request: {@link BodyReader} over the parser, then every value of {@code at}
 * or {@code points} taken out. The same bodies as {@link TreeReadingBenchmark}, the "before".
 * In this package because the reader is package-private.
 */
public class StreamReadingBenchmark extends RequestReading {

    private final GradientLimits limits = new GradientLimits(DataSize.ofMegabytes(64), 200_000, 1_000_000, RequestBodies.BATCH,
            65_536, 256, 64, 100_000_000, 2_000_000, 1_000_000, 0);
    /** A mapper on the service's own factory (its read constraints and number parser). */
    private final JsonMapper json = JsonMapper.builder(ApiConfiguration.jsonFactory(limits)).build();
    private final RequestForm form = RequestForm.of(RequestSchemas.GradientRequest.class);

    /** The body read, then every value taken out; the number of doubles read. */
    @Benchmark
    public long stream() {
        Body<?> read;
        try (JsonParser parser = json.createParser(bytes)) {
            read = BodyReader.read(parser, form, limits);
        }
        Points points = read.points();
        if (points == null) {
            return named(read.values("at"));
        }
        if (points.columnar()) {
            return named(points.columns());
        }
        long n = 0;
        for (int p = 0; p < points.count(); p++) {
            n += named(points.point(p));
        }
        return n;
    }

    private static long named(NamedValues values) {
        long n = 0;
        for (String name : values.names()) {
            n += values.get(name).get().values().length;
        }
        return n;
    }
}
