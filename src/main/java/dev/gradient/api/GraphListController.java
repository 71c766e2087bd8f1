package dev.gradient.api;

import dev.gradient.cache.GraphRegistry;
import dev.gradient.cache.RegisteredGraph;
import dev.gradient.cache.RegistryPage;
import dev.gradient.cache.RegistryUsage;
import dev.gradient.config.TenantQuotas;
import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.security.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /graphs}: the graphs that the caller's tenant keeps, a page at a time, with what they
 * take from its quota, so that a tenant can see what it holds and delete what it no longer needs.
 * Only the caller's own namespace is listed (without API keys, the one namespace of everyone).
 *
 * <p>Pages are in order of id and continue from an opaque {@code cursor} (keyset paging) rather
 * than from a page number: a graph registered or deleted between two requests then neither
 * repeats nor skips any other graph, and reaching a page costs the same however deep it is. Ids
 * are unique and never change, where creation times may tie and come from replicas' clocks, so
 * the order is total and the same on every replica.
 */
@RestController
@Tag(name = "graphs")
class GraphListController {

    /** The most graphs one page holds: a page is read from Redis in one atomic script, which blocks Redis while it runs. */
    static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_LIMIT = 100;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    /** One registered graph. */
    record GraphSummary(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "a35d007e3357d2307de799c4857f49ae") String graphId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its nodes, as POST /graphs counted"
                    + " them: what it takes from the quota.") int nodeCount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", description = "When this tenant"
                    + " first registered it (UTC, to the millisecond); registering it again keeps this time.",
                    example = "2026-12-01T21:51:48.123Z") String created) {
    }

    /** What the tenant keeps and may keep; read apart from the page, so a registration in between may show in one only. */
    record QuotaUsage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Graphs kept.") long graphs,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Their nodes together.") long nodes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The tenant's quota"
                    + " (gradient.tenants.max-registered-nodes, or its keys' own); registrations past it are 413."
                    + " gradient.limits.max-registered-nodes still bounds all tenants together.") long maxNodes) {
    }

    /** One page of the list. */
    record GraphList(
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "In order"
                    + " of graphId."))
            List<GraphSummary> graphs,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "Pass as cursor for"
                    + " the next page; null on the last page. Opaque: its form may change.") String nextCursor,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) QuotaUsage usage) {
    }

    private final GraphRegistry registry;
    private final TenantQuotas quotas;

    GraphListController(GraphRegistry registry, TenantQuotas quotas) {
        this.registry = registry;
        this.quotas = quotas;
    }

    @Operation(summary = "List the caller's graphs", description = "The graphs the caller's tenant registered (without"
            + " API keys, every registered graph), in order of graphId, a page at a time, with the tenant's use of its"
            + " quota. Follow nextCursor until it is null; graphs registered or deleted meanwhile move no other graph"
            + " between pages.")
    @GetMapping(path = "/graphs", produces = MediaType.APPLICATION_JSON_VALUE)
    GraphList listGraphs(
            @Parameter(description = "Graphs per page, 1 to " + MAX_LIMIT + ".", schema = @Schema(type = "integer",
                    minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @RequestParam(required = false) String limit,
            @Parameter(description = "The nextCursor of the previous page; none for the first.")
            @RequestParam(required = false) String cursor) {
        int size = pageSize(limit);
        String after = cursor == null ? null : idOf(cursor);
        String namespace = Tenants.namespace();
        RegistryPage page = registry.list(namespace, after, size);
        RegistryUsage usage = registry.usage(namespace);
        List<GraphSummary> graphs = page.graphs().stream()
                .map(g -> new GraphSummary(g.id(), g.nodeCount(), g.created().toString())).toList();
        String next = page.more() ? cursorOf(page.graphs().get(page.graphs().size() - 1)) : null;
        return new GraphList(graphs, next, new QuotaUsage(usage.graphs(), usage.nodes(), quotas.maxRegisteredNodes(namespace)));
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int size = DIGITS.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (size < 1 || size > MAX_LIMIT) {
            throw badParameter("limit", "The query parameter limit must be a whole number from 1 to " + MAX_LIMIT
                    + ", got '" + abbreviated(limit) + "'");
        }
        return size;
    }

    private static String cursorOf(RegisteredGraph last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.id().getBytes(StandardCharsets.US_ASCII));
    }

    private static String idOf(String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            id = "";
        }
        if (!ID.matcher(id).matches()) {
            throw badParameter("cursor", "The query parameter cursor must be a nextCursor that GET /graphs answered,"
                    + " got '" + abbreviated(cursor) + "'");
        }
        return id;
    }

    private static GradientException badParameter(String name, String message) {
        return new GradientException(ErrorCode.MALFORMED_REQUEST, message).withMember("parameter", name);
    }

    /** At most 40 characters of what the client sent, so that a huge parameter makes no huge problem. */
    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
