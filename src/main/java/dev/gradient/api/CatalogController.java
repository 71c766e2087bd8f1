package dev.gradient.api;

import dev.gradient.engine.Engine;
import dev.gradient.engine.EngineRegistry;
import dev.gradient.op.MatrixProducts;
import dev.gradient.op.Op;
import dev.gradient.op.OpRegistry;
import dev.gradient.sparsity.SparsityRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ops} and {@code GET /engines}: what the service can compute, generated from the registries. */
@RestController
@Tag(name = "catalogue", description = "The ops that graphs and expressions may use, and the engines.")
class CatalogController {

    /** How many arguments an op takes. */
    record ArityInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") int min,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "null where there is no"
                    + " maximum.", example = "1") Integer max) {
    }

    /** An attribute an op accepts. */
    record AttrInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "axis") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"int", "ints", "string"},
                    description = "Its JSON type: an integer, an array of integers, or a string.") String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean required,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description) {
    }

    /** How an op passes sparsity patterns on, as {@code /jacobian/sparsity} and {@code /hessian/sparsity} use it. */
    record SparsityInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"elementwise", "indexing", "reduction",
                    "matrix_product", "composite"}, description = "elementwise: each output element depends on the"
                    + " broadcast argument elements at its place; indexing: on one argument element or none; reduction:"
                    + " on the elements reduced into it; matrix_product: on a row of one factor and a column of the"
                    + " other; composite: the op is expanded into others first.", example = "reduction") String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether the pattern is exact through this"
                    + " op (no structural zero inside it, at points where no derivative vanishes by accident); every"
                    + " pattern is conservative: it never misses a nonzero.") boolean exact,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The rule in one line.") String rule) {

        /** The rule of op {@code op}; {@code null} for an op outside the standard set that has none. */
        static SparsityInfo of(String op) {
            return SparsityRules.kind(op).map(kind -> new SparsityInfo(kind.name().toLowerCase(Locale.ROOT),
                    kind == SparsityRules.Kind.ELEMENTWISE || kind == SparsityRules.Kind.INDEXING,
                    SparsityRules.description(op).orElseThrow())).orElse(null);
        }
    }

    /** An op, as {@code GET /ops} lists it. */
    record OpInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sum") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ArityInfo arity,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AttrInfo> attrs,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How an expression writes it.",
                    example = "sum(x) or sum(x, axis=0)") String syntax,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its derivative at kinks and singular"
                    + " points, following PyTorch's derivatives.yaml.") String derivativeConvention,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its second and higher derivatives,"
                    + " where its first-derivative convention is a branch: what the branch gives where it switches.")
                    String higherOrderConvention,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its sparsity rule; every op of the"
                    + " standard set has one.") SparsityInfo sparsity) {

        static OpInfo of(Op op) {
            return new OpInfo(op.name(), new ArityInfo(op.arity().min(), op.arity().max() < 0 ? null : op.arity().max()),
                    op.attrs().stream().map(a -> new AttrInfo(a.name(), a.kind().name().toLowerCase(Locale.ROOT),
                            a.required(), a.description())).toList(),
                    op.syntax(), op.summary(), op.derivativeConvention(), op.higherOrderConvention(),
                    SparsityInfo.of(op.name()));
        }
    }

    /** An engine, as {@code GET /engines} lists it. */
    record EngineInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "forward") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The BLAS that runs this engine's matrix"
                    + " products (matmul and its derivatives, from about 1,000 multiply-adds): dev.ludovic.netlib.blas.JNIBLAS"
                    + " is the system's native library (OpenBLAS, libblas.so.3) through JNI; VectorBLAS, Java11BLAS and"
                    + " Java8BLAS are Java implementations, used where no native library is found. The same for every"
                    + " engine of one server.", example = "dev.ludovic.netlib.blas.JNIBLAS") String blas) {
    }

    private final List<OpInfo> ops;
    private final List<EngineInfo> engines;

    CatalogController(EngineRegistry engines, OpRegistry ops) {
        // both registries are fixed at startup, so the answers are too
        this.ops = ops.publicOps().stream().map(OpInfo::of).toList();
        this.engines = engines.all().stream()
                .map(e -> new EngineInfo(e.name(), e.description(), MatrixProducts.implementation())).toList();
    }

    @Operation(summary = "Every op", description = "Every op that graph nodes and expressions may use: its arity,"
            + " attributes, expression syntax, derivative convention at kinks, and sparsity rule.")
    @GetMapping(path = "/ops", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OpInfo> ops() {
        return ops;
    }

    @Operation(summary = "Every engine", description = "The engines a request may name; \"auto\" picks one of them.")
    @GetMapping(path = "/engines", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EngineInfo> engines() {
        return engines;
    }
}
