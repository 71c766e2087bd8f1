package dev.gradient.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The engines the service offers, found by name, and the {@code "auto"} choice between
 * them: forward mode where the differentiated inputs have fewer elements than the outputs,
 * else reverse mode.
 */
@Component
public final class EngineRegistry {

    /** The name that asks the service to choose. */
    public static final String AUTO = "auto";

    private final List<Engine> engines;

    /** The registry of every {@link Engine} component, sorted by name. */
    public EngineRegistry(List<Engine> engines) {
        this.engines = engines.stream().sorted(Comparator.comparing(Engine::name)).toList();
    }

    /** Every engine, sorted by name. */
    public List<Engine> all() {
        return engines;
    }

    /** The engine named {@code name}, if there is one ({@code "auto"} is not an engine). */
    public Optional<Engine> find(String name) {
        return engines.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The engine that {@code "auto"} picks for these sizes. */
    public Engine auto(long wrtElements, long outputElements) {
        return find(wrtElements < outputElements ? "forward" : "reverse").orElseThrow();
    }
}
