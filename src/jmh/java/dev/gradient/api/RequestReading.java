package dev.gradient.api;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the two request-reading benchmarks share: the JMH settings (which subclasses inherit)
 * and the body they read, by name ({@link RequestBodies}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class RequestReading {

    @Param({"point", "batch", "columns", "columnsBase64", "dataset", "datasetBase64"})
    public String body;

    /** The body's bytes. */
    protected byte[] bytes;

    @Setup
    public void setUp() {
        bytes = RequestBodies.named(body);
    }
}
