package dev.gradient.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradient.config.ApiKeyProperties;
import dev.gradient.config.RegistryProperties;
import dev.gradient.config.TenantProperties;
import dev.gradient.config.TenantQuotas;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Graph;
import dev.gradient.graph.ParsedGraph;
import dev.gradient.parse.CanonicalForm;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GraphRegistry} does with quotas, the global bound, listing and usage; each
 * implementation runs it through a subclass. Public for the registries of other packages.
 */
public abstract class GraphRegistryContract {

    private static final SourceParser PARSER = new SourceParser(new ParseLimits(1000, 100, 1000));
    private static final String KEY = "0".repeat(64);

    /** A clock that a test moves by hand. */
    protected static final class HandClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00.123Z"));

        /** Moves the clock on by {@code step}. */
        void advance(Duration step) {
            now.updateAndGet(t -> t.plus(step));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }
    }

    protected final HandClock clock = new HandClock();

    /**
     * {@code count} registries that share what they keep, as replicas share one store (the same
     * instance, for a registry that cannot be shared), bounded by {@code maxNodes} in all and by
     * {@code quotas} per namespace, dated by {@link #clock}.
     */
    protected abstract List<GraphRegistry> replicas(int count, long maxNodes, TenantQuotas quotas);

    private GraphRegistry registry(long maxNodes, TenantQuotas quotas) {
        return replicas(1, maxNodes, quotas).get(0);
    }

    /** The graph of {@code expression}, as POST /graphs would keep it. */
    protected static ParsedGraph graph(String expression) {
        Graph graph = PARSER.expression(expression, "/expression");
        return new ParsedGraph(CanonicalForm.id(graph), graph);
    }

    /** Distinct graphs that all have the same number of nodes. */
    private static List<ParsedGraph> alike(int count) {
        List<ParsedGraph> graphs = IntStream.range(0, count).mapToObj(i -> graph("x * " + (i + 2) + " + y")).toList();
        assertThat(graphs).extracting(ParsedGraph::nodeCount).containsOnly(graphs.get(0).nodeCount());
        assertThat(graphs).extracting(ParsedGraph::id).doesNotHaveDuplicates();
        return graphs;
    }

    private static GradientException refusal(Runnable registration) {
        try {
            registration.run();
        } catch (GradientException e) {
            return e;
        }
        throw new AssertionError("the registration was not refused");
    }

    @Test
    void aTenantCannotKeepMoreNodesThanItsQuotaAndIsToldItsUse() {
        List<ParsedGraph> graphs = alike(3);
        int n = graphs.get(0).nodeCount();
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(2L * n));
        assertThat(registry.register("acme", graphs.get(0))).isTrue();
        assertThat(registry.register("acme", graphs.get(1))).isTrue();
        GradientException e = refusal(() -> registry.register("acme", graphs.get(2)));
        assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(e.limit()).isEqualTo(TenantProperties.MAX_REGISTERED_NODES);
        assertThat(e.members()).containsEntry("usedNodes", 2L * n).containsEntry("maxNodes", 2L * n)
                .containsEntry("graphNodes", n).containsEntry("tenant", "acme");
        assertThat(e.getMessage()).contains("tenant 'acme'", "hold " + 2 * n, "quota is " + 2 * n);
        assertThat(registry.find("acme", graphs.get(2).id())).isEmpty();
        assertThat(registry.usage("acme")).isEqualTo(new RegistryUsage(2, 2L * n));
    }

    @Test
    void oneTenantsFullQuotaLeavesTheOthersTheirs() {
        List<ParsedGraph> graphs = alike(2);
        int n = graphs.get(0).nodeCount();
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(n));
        assertThat(registry.register("acme", graphs.get(0))).isTrue();
        assertThat(refusal(() -> registry.register("acme", graphs.get(1))).limit())
                .isEqualTo(TenantProperties.MAX_REGISTERED_NODES);
        assertThat(registry.register("globex", graphs.get(1))).isTrue();
        assertThat(registry.usage("acme")).isEqualTo(new RegistryUsage(1, n));
        assertThat(registry.usage("globex")).isEqualTo(new RegistryUsage(1, n));
    }

    @Test
    void deletingAGraphGivesItsNodesBackToTheQuota() {
        List<ParsedGraph> graphs = alike(2);
        int n = graphs.get(0).nodeCount();
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(n));
        registry.register("acme", graphs.get(0));
        refusal(() -> registry.register("acme", graphs.get(1)));
        assertThat(registry.remove("acme", graphs.get(0).id())).isTrue();
        assertThat(registry.usage("acme")).isEqualTo(RegistryUsage.NONE);
        assertThat(registry.register("acme", graphs.get(1))).isTrue();
        assertThat(registry.remove("acme", graphs.get(0).id())).isFalse();
        assertThat(registry.usage("acme")).isEqualTo(new RegistryUsage(1, n));
    }

    @Test
    void registeringAKeptGraphAgainWithAFullQuotaIsNotARefusal() {
        ParsedGraph g = graph("sin(x) * y");
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(g.nodeCount()));
        assertThat(registry.register("acme", g)).isTrue();
        assertThat(registry.register("acme", g)).isFalse();
        assertThat(registry.usage("acme")).isEqualTo(new RegistryUsage(1, g.nodeCount()));
    }

    @Test
    void aTenantsOwnQuotaFromItsKeysOverridesTheDefault() {
        List<ParsedGraph> graphs = alike(3);
        int n = graphs.get(0).nodeCount();
        TenantQuotas quotas = TenantQuotas.of(new TenantProperties(n), new ApiKeyProperties(List.of(
                new ApiKeyProperties.ApiKey("acme", KEY, false, 3L * n),
                new ApiKeyProperties.ApiKey("globex", KEY.replace('0', '1'), false)), List.of()));
        GraphRegistry registry = registry(1000, quotas);
        graphs.forEach(g -> assertThat(registry.register("acme", g)).isTrue());
        registry.register("globex", graphs.get(0));
        GradientException e = refusal(() -> registry.register("globex", graphs.get(1)));
        assertThat(e.members()).containsEntry("maxNodes", (long) n).containsEntry("tenant", "globex");
    }

    @Test
    void theGlobalBoundStillHoldsOverAllTenants() {
        List<ParsedGraph> graphs = alike(3);
        int n = graphs.get(0).nodeCount();
        GraphRegistry registry = registry(2L * n, TenantQuotas.uniform(1000));
        registry.register("acme", graphs.get(0));
        registry.register("globex", graphs.get(1));
        GradientException e = refusal(() -> registry.register("initech", graphs.get(2)));
        assertThat(e.limit()).isEqualTo(RegistryLimits.GLOBAL);
        assertThat(e.members()).containsEntry("usedNodes", 2L * n).containsEntry("maxNodes", 2L * n)
                .doesNotContainKey("tenant");
        assertThat(registry.usage("initech")).isEqualTo(RegistryUsage.NONE);
    }

    @Test
    void withoutKeysEveryoneIsOneNamespaceWithTheDefaultQuotaAndNoTenantIsNamed() {
        List<ParsedGraph> graphs = alike(2);
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(graphs.get(0).nodeCount()));
        registry.register(RegistryProperties.DEFAULT_NAMESPACE, graphs.get(0));
        GradientException e = refusal(() -> registry.register(RegistryProperties.DEFAULT_NAMESPACE, graphs.get(1)));
        assertThat(e.limit()).isEqualTo(TenantProperties.MAX_REGISTERED_NODES);
        assertThat(e.members()).doesNotContainKey("tenant");
    }

    @Test
    void pagesListEveryGraphOnceInOrderOfId() {
        GraphRegistry registry = registry(100_000, TenantQuotas.uniform(100_000));
        List<String> ids = alike(23).stream().peek(g -> registry.register("acme", g)).map(ParsedGraph::id).sorted().toList();
        List<String> listed = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            RegistryPage next = registry.list("acme", after, 5);
            assertThat(next.graphs()).hasSizeLessThanOrEqualTo(5);
            next.graphs().forEach(g -> listed.add(g.id()));
            if (!next.more()) {
                break;
            }
            assertThat(next.graphs()).hasSize(5);
            after = next.graphs().get(next.graphs().size() - 1).id();
        }
        assertThat(listed).isEqualTo(ids);
    }

    @Test
    void aPageOfExactlyWhatIsLeftSaysThereIsNoMore() {
        GraphRegistry registry = registry(100_000, TenantQuotas.uniform(100_000));
        alike(4).forEach(g -> registry.register("acme", g));
        assertThat(registry.list("acme", null, 4).more()).isFalse();
        assertThat(registry.list("acme", null, 3).more()).isTrue();
        assertThat(registry.list("nobody", null, 3)).isEqualTo(new RegistryPage(List.of(), false));
    }

    @Test
    void graphsComingAndGoingBetweenPagesMoveNoOtherGraph() {
        GraphRegistry registry = registry(100_000, TenantQuotas.uniform(100_000));
        List<ParsedGraph> graphs = alike(30);
        List<String> ids = graphs.stream().map(ParsedGraph::id).sorted().toList();
        graphs.subList(0, 20).forEach(g -> registry.register("acme", g));
        RegistryPage first = registry.list("acme", null, 6);
        String after = first.graphs().get(5).id();
        // between the pages: one graph of the first page and one not yet listed go, ten come
        List<String> kept = new ArrayList<>(graphs.subList(0, 20).stream().map(ParsedGraph::id).sorted().toList());
        registry.remove("acme", kept.get(2));
        registry.remove("acme", kept.get(15));
        graphs.subList(20, 30).forEach(g -> registry.register("acme", g));
        List<String> rest = new ArrayList<>();
        for (RegistryPage page = registry.list("acme", after, 6); ; page = registry.list("acme", after, 6)) {
            page.graphs().forEach(g -> rest.add(g.id()));
            if (!page.more()) {
                break;
            }
            after = page.graphs().get(page.graphs().size() - 1).id();
        }
        Set<String> expected = new HashSet<>(ids.stream().filter(id -> id.compareTo(first.graphs().get(5).id()) > 0).toList());
        expected.remove(kept.get(15));
        assertThat(rest).doesNotHaveDuplicates().isSorted().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aListingShowsOnlyItsNamespacesGraphs() {
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(1000));
        ParsedGraph mine = graph("exp(x)");
        ParsedGraph theirs = graph("log(x)");
        registry.register("acme", mine);
        registry.register("globex", theirs);
        assertThat(registry.list("acme", null, 10).graphs()).extracting(RegisteredGraph::id).containsExactly(mine.id());
        assertThat(registry.list(RegistryProperties.DEFAULT_NAMESPACE, null, 10).graphs()).isEmpty();
        assertThat(registry.usage("globex")).isEqualTo(new RegistryUsage(1, theirs.nodeCount()));
    }

    @Test
    void aGraphIsListedWithItsNodesAndTheTimeItWasFirstRegistered() {
        GraphRegistry registry = registry(1000, TenantQuotas.uniform(1000));
        ParsedGraph g = graph("x * y + sin(x)");
        Instant first = clock.instant();
        registry.register("acme", g);
        clock.advance(Duration.ofMinutes(5));
        registry.register("acme", g);
        assertThat(registry.list("acme", null, 10).graphs()).containsExactly(new RegisteredGraph(g.id(), g.nodeCount(), first));
    }

    @Test
    void replicasRegisteringAtOnceCannotPassAQuotaTogether() throws Exception {
        List<ParsedGraph> graphs = alike(48);
        int n = graphs.get(0).nodeCount();
        int fits = 5;
        List<GraphRegistry> replicas = replicas(2, 100_000, TenantQuotas.uniform((long) fits * n));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < graphs.size(); i++) {
                GraphRegistry replica = replicas.get(i % replicas.size());
                ParsedGraph g = graphs.get(i);
                Callable<Boolean> registration = () -> {
                    start.await();
                    try {
                        return replica.register("acme", g);
                    } catch (GradientException e) {
                        assertThat(e.limit()).isEqualTo(TenantProperties.MAX_REGISTERED_NODES);
                        return false;
                    }
                };
                outcomes.add(threads.submit(registration));
            }
            start.countDown();
            long registered = 0;
            for (Future<Boolean> outcome : outcomes) {
                registered += outcome.get() ? 1 : 0;
            }
            assertThat(registered).isEqualTo(fits);
            assertThat(replicas.get(1).usage("acme")).isEqualTo(new RegistryUsage(fits, (long) fits * n));
            assertThat(replicas.get(0).list("acme", null, 100).graphs()).hasSize(fits);
        } finally {
            threads.shutdownNow();
        }
    }
}
