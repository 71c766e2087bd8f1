package dev.gradient.sparsity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sparsity rule of every op, in one table keyed by op name: how index sets pass through it
 * (see {@link JacobianSparsity}). A test holds this table to the op registry both ways, so a new
 * op without a rule fails the build, and propagation through an op without one fails loudly
 * with its name. {@link #description} is the line {@code GET /ops} can state for each op.
 */
public final class SparsityRules {

    /** What kind of rule an op has: the exact kinds are elementwise and indexing. */
    public enum Kind {
        /** Each output element unions the broadcast argument elements' sets. */
        ELEMENTWISE,
        /** Each output element copies one argument element's set, or none. */
        INDEXING,
        /** Each output element unions the sets of the elements reduced into it. */
        REDUCTION,
        /** Each output element unions a row of one factor and a column of the other. */
        MATRIX_PRODUCT,
        /** Expanded into primitives before propagation. */
        COMPOSITE
    }

    private static final Map<String, SparsityRule> RULES = table();

    private SparsityRules() {
    }

    private static Map<String, SparsityRule> table() {
        Map<String, SparsityRule> rules = new LinkedHashMap<>();
        SparsityRule elementwise = ElementwiseRule.everyArgument();
        for (String op : List.of("add", "sub", "mul", "div", "pow", "maximum", "minimum", "atan2", "hypot",
                "neg", "identity", "exp", "log", "log1p", "expm1", "sqrt", "cbrt", "square", "sin", "cos", "tan",
                "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "abs", "sigmoid",
                "softplus", "relu", "erf", "mul_no_nan", "sech", "hypot_ratio", "mul_log")) {
            put(rules, op, elementwise);
        }
        SparsityRule constant = ElementwiseRule.constant();
        for (String op : List.of("lt", "le", "gt", "ge", "eq", "ne", "sign", "stop_gradient")) {
            put(rules, op, constant);
        }
        put(rules, "where", ElementwiseRule.branches());
        SparsityRule indexing = new IndexingRule();
        for (String op : List.of("transpose", "reshape", "concat", "slice", "broadcast_to", "unslice")) {
            put(rules, op, indexing);
        }
        SparsityRule reduction = ReductionRule.alongAxis();
        for (String op : List.of("sum", "max", "min")) {
            put(rules, op, reduction);
        }
        put(rules, "sum_to", ReductionRule.toOutputShape());
        SparsityRule product = MatrixProductRule.plain();
        put(rules, "matmul", product);
        put(rules, "matmul_no_nan", product);
        put(rules, "matmul_transposed", MatrixProductRule.ofTransposed());
        SparsityRule expanded = new ExpandedRule();
        for (String op : List.of("vector", "mean", "prod", "logsumexp", "norm", "dot", "outer", "stack", "softmax",
                "log_softmax")) {
            put(rules, op, expanded);
        }
        return Collections.unmodifiableMap(rules);
    }

    private static void put(Map<String, SparsityRule> rules, String op, SparsityRule rule) {
        if (rules.put(op, rule) != null) {
            throw new IllegalStateException("sparsity rule given twice for op '" + op + "'");
        }
    }

    /** The names of the ops that have a rule. */
    public static Set<String> ops() {
        return RULES.keySet();
    }

    /** One line on op {@code op}'s rule, if it has one. */
    public static Optional<String> description(String op) {
        return Optional.ofNullable(RULES.get(op)).map(SparsityRule::description);
    }

    /** The kind of op {@code op}'s rule, if it has one. */
    public static Optional<Kind> kind(String op) {
        return Optional.ofNullable(RULES.get(op)).map(SparsityRule::kind);
    }

    /** The rule of op {@code op}; an {@link IllegalStateException} naming it where it has none. */
    static SparsityRule require(String op) {
        SparsityRule rule = RULES.get(op);
        if (rule == null) {
            throw new IllegalStateException("no sparsity rule for op '" + op + "': add one to SparsityRules");
        }
        return rule;
    }
}
