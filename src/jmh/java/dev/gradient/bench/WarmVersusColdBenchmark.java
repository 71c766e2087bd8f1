package dev.gradient.bench;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Derivatives;
import dev.gradient.engine.ReverseEngine;
import dev.gradient.graph.Graph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the compiled-graph cache saves: a gradient of a 20,000-node JSON graph from its text
 * (parse, validate, hash, compile, build the reverse pass, run) against the same gradient on
 * the cached compiled function, whose reverse pass is already built.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WarmVersusColdBenchmark {

    private static final int NODES = 20_000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Derivatives derivatives = new Derivatives();
    private final ReverseEngine reverse = new ReverseEngine();
    private final Tensor[] point = {Tensor.scalar(0.4), Tensor.scalar(-0.3)};
    private String text;
    private Compiled cached;

    @Setup
    public void setUp() {
        StringBuilder nodes = new StringBuilder("{\"id\": \"n0\", \"expr\": \"sin(x) * y\"}");
        for (int i = 1; i < NODES / 2; i++) {
            nodes.append(", {\"id\": \"n").append(i).append("\", \"expr\": \"tanh(n").append(i - 1).append(") * x\"}");
        }
        text = "{\"inputs\": [{\"name\": \"x\"}, {\"name\": \"y\"}], \"nodes\": [" + nodes
                + "], \"outputs\": [\"n" + (NODES / 2 - 1) + "\"]}";
        cached = cold();
    }

    private Compiled cold() {
        Graph graph = BenchmarkFunctions.PARSER.graph(json.readTree(text), "/graph");
        CanonicalForm.id(graph);
        return BenchmarkFunctions.compile(graph, Shape.SCALAR, Shape.SCALAR);
    }

    @Benchmark
    public Derivatives.Gradient coldGradient() {
        return derivatives.gradient(reverse, cold(), point, new int[] {0, 1}, 0);
    }

    @Benchmark
    public Derivatives.Gradient warmGradient() {
        return derivatives.gradient(reverse, cached, point, new int[] {0, 1}, 0);
    }
}
