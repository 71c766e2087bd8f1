package dev.gradient.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.config.RegistryProperties;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import org.junit.jupiter.api.Test;

/** Namespaces and the global node bound of the in-process registry. */
class InMemoryGraphRegistryTest {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(1000, 100, 1000));

    private static ParsedGraph graph(String expression) {
        Graph graph = PARSER.expression(expression, "/expression");
        return new ParsedGraph(CanonicalForm.id(graph), graph);
    }

    @Test
    void aGraphIsFoundRemovedOnlyInItsOwnNamespace() {
        InMemoryGraphRegistry registry = new InMemoryGraphRegistry(1000);
        ParsedGraph g = graph("sin(x)");
        registry.register("acme", g);
        assertThat(registry.find("acme", g.id())).containsSame(g);
        assertThat(registry.find("globex", g.id())).isEmpty();
        assertThat(registry.find(RegistryProperties.DEFAULT_NAMESPACE, g.id())).isEmpty();
        assertThat(registry.remove("globex", g.id())).isFalse();
        assertThat(registry.find("acme", g.id())).isPresent();
    }

    @Test
    void twoNamespacesOwnTheirCopiesAndBothCountTowardsTheGlobalBound() {
        ParsedGraph g = graph("x * y");
        InMemoryGraphRegistry registry = new InMemoryGraphRegistry(2L * g.nodeCount());
        assertThat(registry.register("acme", g)).isTrue();
        assertThat(registry.register("globex", g)).isTrue();
        assertThatThrownBy(() -> registry.register("initech", g)).isInstanceOfSatisfying(GradientException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
        assertThat(registry.remove("acme", g.id())).isTrue();
        assertThat(registry.find("globex", g.id())).isPresent();
        assertThat(registry.register("initech", g)).isTrue();
    }
}
