package dev.gradient.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The engines the service offers, found by name, and the {@code "auto"} choice between
 * them: among the engines that may be chosen automatically, the one that needs the fewest
 * directions of its native products ({@link CostModel#directions}); on a tie, the one native
 * in the product's preferred mode ({@link Product#preferredOnTie}). With the forward and reverse engines that is the
 * contract's rule: forward where the differentiated inputs have fewer elements than the
 * outputs, else reverse; forward over reverse for Hessians.
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

    /** The engine that {@code "auto"} picks for {@code product} of {@code f} by the inputs {@code wrt}. */
    public Engine auto(Product product, Compiled f, int[] wrt) {
        Engine best = null;
        long bestCost = Long.MAX_VALUE;
        for (Engine engine : engines) {
            if (!engine.automatic()) {
                continue;
            }
            long cost = CostModel.directions(product, engine, f, wrt);
            boolean preferred = engine.nativeProducts().contains(product.preferredOnTie());
            if (best == null || cost < bestCost || cost == bestCost && preferred) {
                best = engine;
                bestCost = cost;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no engine may be chosen automatically");
        }
        return best;
    }
}
